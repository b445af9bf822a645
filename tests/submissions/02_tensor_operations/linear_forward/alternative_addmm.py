# Alternative: torch.addmm(b, x, W.T) computes b + x @ W.T in one fused call (b broadcast over the rows).
def linear_forward(x, W, b):
    return torch.addmm(b, x, W.T)
