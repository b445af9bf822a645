# Headline mistake: the naive formula log(sum(exp(z))): exp(1000) overflows to inf, and exp(-1000) underflows to 0
# (log 0 = -inf).
def stable_logsumexp(z, dim):
    return torch.log(torch.exp(z).sum(dim=dim))
