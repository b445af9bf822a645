# Alternative: torch.where between zeros and the scaled input (p = 1 handled on its own).
class MyDropout(nn.Module):
    def __init__(self, p=0.5):
        super().__init__()
        self.p = p

    def forward(self, x):
        if not self.training or self.p == 0:
            return x
        if self.p >= 1:
            return x * 0
        dropped = torch.rand(x.shape, device=x.device) < self.p
        return torch.where(dropped, torch.zeros_like(x), x / (1 - self.p))
