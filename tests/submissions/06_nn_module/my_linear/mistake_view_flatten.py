# Mistake: flattens the leading dimensions with x.view(-1, in_features) for a 2-d matmul; view fails on a
# non-contiguous input such as a transposed batch (x.reshape would copy when it must).
import math


class MyLinear(nn.Module):
    def __init__(self, in_features, out_features, bias=True):
        super().__init__()
        bound = 1 / math.sqrt(in_features)
        self.weight = nn.Parameter(torch.empty(out_features, in_features).uniform_(-bound, bound))
        self.bias = nn.Parameter(torch.empty(out_features).uniform_(-bound, bound)) if bias else None

    def forward(self, x):
        y = torch.mm(x.view(-1, x.shape[-1]), self.weight.T)
        if self.bias is not None:
            y = y + self.bias
        return y.view(*x.shape[:-1], -1)
