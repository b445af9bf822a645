# Alternative: torch.tril of a float matrix of ones, converted to bool.
def causal_mask(L, device=None):
    return torch.tril(torch.ones(L, L, device=device)).bool()
