# Mistake: an additive -inf mask, then nan_to_num for empty rows: the output is right but the gradients are nan.
def masked_attention(q, k, v, mask=None):
    scores = q @ k.transpose(-2, -1) / math.sqrt(q.shape[-1])
    if mask is not None:
        bias = torch.zeros(mask.shape, dtype=scores.dtype, device=scores.device).masked_fill(~mask, float("-inf"))
        scores = scores + bias
    weights = torch.softmax(scores, dim=-1).nan_to_num(0.0)
    return weights @ v, weights
