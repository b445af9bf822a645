# Alternative: einsum over the leading axes ("...") and a scale applied to q, out of place.
def attention(q, k, v):
    scores = torch.einsum("...qd,...kd->...qk", q * q.shape[-1] ** -0.5, k)
    weights = torch.softmax(scores, dim=-1)
    return torch.einsum("...qk,...kd->...qd", weights, v), weights
