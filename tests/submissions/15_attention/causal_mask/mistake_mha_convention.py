# Mistake: nn.MultiheadAttention's attn_mask convention (True = not allowed), not SDPA's (True = attend).
def causal_mask(L, device=None):
    return torch.ones(L, L, dtype=torch.bool, device=device).triu(1)
