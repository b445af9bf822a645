# Mistake: computes half-precision inputs in float32 for accuracy and forgets to convert the result back, so
# float16 and bfloat16 inputs give a float32 result.
def stable_logsumexp(z, dim):
    if z.dtype in (torch.float16, torch.bfloat16):
        z = z.float()
    m = z.amax(dim=dim, keepdim=True)
    return (m + torch.log(torch.exp(z - m).sum(dim=dim, keepdim=True))).squeeze(dim)
