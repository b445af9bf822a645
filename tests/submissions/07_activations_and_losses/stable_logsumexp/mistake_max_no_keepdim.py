# Mistake: takes the max without keepdim=True, so z - m broadcasts m along the wrong axis (an error for
# non-square inputs, silently wrong values for square ones).
def stable_logsumexp(z, dim):
    m = z.max(dim=dim).values
    return m + torch.log(torch.exp(z - m).sum(dim=dim))
