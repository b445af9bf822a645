# Alternative: torch.matmul with the keys' last two axes swapped by .mT, the scale applied as a multiplication.
def attention_scores(q, k):
    return torch.matmul(q, k.mT) * q.shape[-1] ** -0.5
