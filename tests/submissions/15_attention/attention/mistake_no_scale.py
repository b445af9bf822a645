# Mistake: forgets to divide the scores by sqrt(d_k).
def attention(q, k, v):
    weights = (q @ k.transpose(-2, -1)).softmax(dim=-1)
    return weights @ v, weights
