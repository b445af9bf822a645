# Headline mistake: keeps the upper triangle, so each query sees the future instead of the past.
def causal_mask(L, device=None):
    return torch.ones(L, L, dtype=torch.bool, device=device).triu()
