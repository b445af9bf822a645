# Mistake: ignores the device argument and always builds the mask on the CPU.
def causal_mask(L, device=None):
    return torch.ones(L, L, dtype=torch.bool).tril()
