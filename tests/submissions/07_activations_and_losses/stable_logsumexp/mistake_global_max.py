# Mistake: subtracts one global maximum instead of each slice's own maximum; rows far below the global
# maximum underflow to exp(...) = 0 and give -inf.
def stable_logsumexp(z, dim):
    m = z.max()
    return m + torch.log(torch.exp(z - m).sum(dim=dim))
