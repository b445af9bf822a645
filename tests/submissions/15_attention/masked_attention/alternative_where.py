# Alternative: torch.where for the -inf scores and for the rows that may see no key.
def masked_attention(q, k, v, mask=None):
    scores = torch.matmul(q, k.mT) * q.shape[-1] ** -0.5
    if mask is None:
        weights = scores.softmax(dim=-1)
    else:
        scores = torch.where(mask, scores, torch.tensor(float("-inf"), dtype=scores.dtype))
        weights = scores.softmax(dim=-1)
        weights = torch.where(mask.any(dim=-1, keepdim=True), weights, torch.zeros((), dtype=weights.dtype))
    return weights @ v, weights
