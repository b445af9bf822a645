# Alternative: keeps the max's dimension for the subtraction, then adds back the squeezed max at the end.
def stable_logsumexp(z, dim):
    m = z.max(dim=dim, keepdim=True).values
    return (z - m).exp().sum(dim=dim).log() + m.squeeze(dim)
