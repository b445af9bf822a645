# Mistake: keeps self.weight.T in a plain attribute, computed once in __init__; .to(torch.float64) (or
# .to(device)) converts the parameter but leaves that stale float32 view behind, so forward fails.
import math


class MyLinear(nn.Module):
    def __init__(self, in_features, out_features, bias=True):
        super().__init__()
        bound = 1 / math.sqrt(in_features)
        self.weight = nn.Parameter(torch.empty(out_features, in_features).uniform_(-bound, bound))
        self.bias = nn.Parameter(torch.empty(out_features).uniform_(-bound, bound)) if bias else None
        self.weight_t = self.weight.T

    def forward(self, x):
        y = x @ self.weight_t
        return y if self.bias is None else y + self.bias
