# Alternative: stores the weight as (in_features, out_features) and computes x @ W, so no transpose;
# the init scales rand() from [0, 1) to [-bound, bound).
class MyLinear(nn.Module):
    def __init__(self, in_features, out_features, bias=True):
        super().__init__()
        bound = in_features ** -0.5
        self.weight = nn.Parameter((torch.rand(in_features, out_features) * 2 - 1) * bound)
        self.use_bias = bias
        if bias:
            self.bias = nn.Parameter((torch.rand(out_features) * 2 - 1) * bound)

    def forward(self, x):
        out = x @ self.weight
        if self.use_bias:
            out = out + self.bias
        return out
