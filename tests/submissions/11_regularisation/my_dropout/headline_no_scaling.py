# Headline mistake: zeroes elements with probability p but forgets the inverted scaling by 1 / (1 - p), so the
# training-mode mean shrinks to (1 - p) times the input's.
class MyDropout(nn.Module):
    def __init__(self, p=0.5):
        super().__init__()
        self.p = p

    def forward(self, x):
        if not self.training:
            return x
        return x * (torch.rand_like(x) >= self.p)
