# Mistake: switches to `@` but forgets to transpose the keys: q @ k only runs when M == D,
# and then multiplies queries by the wrong matrix.
def attention_scores(q, k):
    d = q.shape[-1]
    return q @ k / d ** 0.5
