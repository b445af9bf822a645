# Headline mistake: draws the weight with torch.randn (standard deviation 1, values up to about 4) and starts
# the bias at zero, instead of U(-1/sqrt(in_features), 1/sqrt(in_features)): stacked layers blow up.
class MyLinear(nn.Module):
    def __init__(self, in_features, out_features, bias=True):
        super().__init__()
        self.weight = nn.Parameter(torch.randn(out_features, in_features))
        self.bias = nn.Parameter(torch.zeros(out_features)) if bias else None

    def forward(self, x):
        y = x @ self.weight.T
        return y if self.bias is None else y + self.bias
