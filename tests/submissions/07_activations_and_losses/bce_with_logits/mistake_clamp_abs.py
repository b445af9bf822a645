# Mistake: the textbook stable form max(z, 0) - z*y + log1p(exp(-|z|)) with clamp and abs: right values, but at
# z = 0 autograd takes one side of each kink and gives -1 or 0 instead of sigmoid(0) - y = -0.5 or +0.5.
def bce_with_logits(logits, targets):
    z, y = logits, targets
    return (z.clamp(min=0) - z * y + torch.log1p(torch.exp(-z.abs()))).mean()
