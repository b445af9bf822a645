# Alternative: gives rows with no allowed key a harmless score of 0 before the softmax, then multiplies their weights by 0.
def masked_attention(q, k, v, mask=None):
    scores = q @ k.transpose(-2, -1) / math.sqrt(q.shape[-1])
    if mask is None:
        return scores.softmax(dim=-1) @ v, scores.softmax(dim=-1)
    seen = mask.any(dim=-1, keepdim=True)                      # (..., L_q, 1): rows with at least one key
    scores = scores.masked_fill(~mask, float("-inf")).masked_fill(~seen, 0.0)
    weights = scores.softmax(dim=-1) * seen
    return weights @ v, weights
