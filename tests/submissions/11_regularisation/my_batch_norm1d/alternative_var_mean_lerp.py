# Alternative: torch.var_mean for the batch statistics, lerp_ for the moving averages (lerp_(b, m) is
# (1 - m) * a + m * b), detached statistics instead of torch.no_grad(), and an extra num_batches_tracked buffer.
class MyBatchNorm1d(nn.Module):
    def __init__(self, num_features, eps=1e-5, momentum=0.1):
        super().__init__()
        self.eps, self.momentum = eps, momentum
        self.weight = nn.Parameter(torch.ones(num_features))
        self.bias = nn.Parameter(torch.zeros(num_features))
        self.register_buffer("running_mean", torch.zeros(num_features))
        self.register_buffer("running_var", torch.ones(num_features))
        self.register_buffer("num_batches_tracked", torch.tensor(0))

    def forward(self, x):
        if self.training:
            var, mean = torch.var_mean(x, dim=0, correction=0)
            n = x.shape[0]
            self.running_mean.lerp_(mean.detach(), self.momentum)
            self.running_var.lerp_(var.detach() * n / (n - 1), self.momentum)
            self.num_batches_tracked += 1
        else:
            mean, var = self.running_mean, self.running_var
        x_hat = (x - mean) * torch.rsqrt(var + self.eps)
        return self.weight * x_hat + self.bias
