# Mistake: a bare squeeze() instead of squeeze(dim): it also drops the size-1 axes that were not reduced, so
# a (1, 4) tensor reduced over dim=1 gives shape () instead of (1,).
def stable_logsumexp(z, dim):
    m = z.amax(dim=dim, keepdim=True)
    return (m + torch.log(torch.exp(z - m).sum(dim=dim, keepdim=True))).squeeze()
