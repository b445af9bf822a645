# Mistake: with bias=False, adds torch.zeros(out_features) as a stand-in bias. That tensor is made in forward,
# float32 on the CPU whatever the layer's dtype and device: a bfloat16 layer returns float32, and a layer moved
# to a GPU fails.
import math


class MyLinear(nn.Module):
    def __init__(self, in_features, out_features, bias=True):
        super().__init__()
        self.out_features = out_features
        bound = 1 / math.sqrt(in_features)
        self.weight = nn.Parameter(torch.empty(out_features, in_features).uniform_(-bound, bound))
        self.bias = nn.Parameter(torch.empty(out_features).uniform_(-bound, bound)) if bias else None

    def forward(self, x):
        bias = self.bias if self.bias is not None else torch.zeros(self.out_features)
        return x @ self.weight.T + bias
