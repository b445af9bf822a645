# Alternative: statistics with keepdim=True and written out by hand (sum of squared deviations over N and N - 1),
# buffers updated under torch.no_grad() by reassigning them (a registered buffer stays a buffer).
class MyBatchNorm1d(nn.Module):
    def __init__(self, num_features, eps=1e-5, momentum=0.1):
        super().__init__()
        self.eps = eps
        self.momentum = momentum
        self.weight = nn.Parameter(torch.ones(num_features))
        self.bias = nn.Parameter(torch.zeros(num_features))
        self.register_buffer("running_mean", torch.zeros(num_features))
        self.register_buffer("running_var", torch.ones(num_features))

    def forward(self, x):
        if self.training:
            n = x.shape[0]
            mean = x.mean(dim=0, keepdim=True)
            squares = ((x - mean) ** 2).sum(dim=0, keepdim=True)
            var = squares / n
            with torch.no_grad():
                m = self.momentum
                self.running_mean = (1 - m) * self.running_mean + m * mean.squeeze(0)
                self.running_var = (1 - m) * self.running_var + m * squares.squeeze(0) / (n - 1)
            return (x - mean) / (var + self.eps).sqrt() * self.weight + self.bias
        return (x - self.running_mean) / (self.running_var + self.eps).sqrt() * self.weight + self.bias
