# Mistake: stores the weight and bias as plain tensors with requires_grad=True instead of nn.Parameter, so
# the module does not register them: parameters() is empty and an optimizer would never train them.
import math


class MyLinear(nn.Module):
    def __init__(self, in_features, out_features, bias=True):
        super().__init__()
        bound = 1 / math.sqrt(in_features)
        self.weight = torch.empty(out_features, in_features).uniform_(-bound, bound).requires_grad_()
        self.bias = torch.empty(out_features).uniform_(-bound, bound).requires_grad_() if bias else None

    def forward(self, x):
        y = x @ self.weight.T
        return y if self.bias is None else y + self.bias
