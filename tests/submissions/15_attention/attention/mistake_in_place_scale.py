# Mistake: scales the queries in place, which changes the caller's q (and fails for q that requires grad).
def attention(q, k, v):
    q = q.detach() if q.requires_grad else q
    q /= math.sqrt(q.shape[-1])
    weights = (q @ k.transpose(-2, -1)).softmax(dim=-1)
    return weights @ v, weights
