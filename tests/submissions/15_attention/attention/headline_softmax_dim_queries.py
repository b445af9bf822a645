# Headline mistake: the softmax normalises over the queries (dim=-2) instead of the keys (dim=-1).
def attention(q, k, v):
    scores = q @ k.transpose(-2, -1) / math.sqrt(q.shape[-1])
    weights = scores.softmax(dim=-2)
    return weights @ v, weights
