# Mistake: scales the kept elements by (1 - p) instead of 1 / (1 - p), mixing up inverted and test-time scaling.
class MyDropout(nn.Module):
    def __init__(self, p=0.5):
        super().__init__()
        self.p = p

    def forward(self, x):
        if not self.training:
            return x
        return x * (torch.rand_like(x) >= self.p) * (1 - self.p)
