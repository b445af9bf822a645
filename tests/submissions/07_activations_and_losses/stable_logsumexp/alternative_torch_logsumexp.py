# Alternative: PyTorch's own stable implementation.
def stable_logsumexp(z, dim):
    return torch.logsumexp(z, dim=dim)
