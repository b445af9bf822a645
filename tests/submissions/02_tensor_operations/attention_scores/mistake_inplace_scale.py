# Mistake: scales the queries in place to save memory. The scores are right, but the caller's q is
# divided by sqrt(D) on every call.
def attention_scores(q, k):
    q /= q.shape[-1] ** 0.5
    return q @ k.transpose(-2, -1)
