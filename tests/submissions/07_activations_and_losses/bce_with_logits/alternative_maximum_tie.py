# Alternative: max(z, 0) - z*y + log1p(exp(-|z|)) with torch.maximum, whose gradient at a tie is split 0.5/0.5,
# so the gradient at z = 0 is right too (0.5 - y).
def bce_with_logits(logits, targets):
    z, y = logits, targets
    return (torch.maximum(z, torch.zeros_like(z)) - z * y + torch.log1p(torch.exp(-z.abs()))).mean()
