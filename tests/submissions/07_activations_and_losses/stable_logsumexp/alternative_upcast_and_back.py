# Alternative: computes in at least float32 and converts the result back to z's dtype.
def stable_logsumexp(z, dim):
    w = z.to(torch.promote_types(z.dtype, torch.float32))
    m = w.amax(dim=dim, keepdim=True)
    return (m + (w - m).exp().sum(dim=dim, keepdim=True).log()).squeeze(dim).to(z.dtype)
