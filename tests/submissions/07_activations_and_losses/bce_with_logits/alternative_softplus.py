# Alternative: -log(sigmoid(z)) = softplus(-z) and -log(1 - sigmoid(z)) = softplus(z).
def bce_with_logits(logits, targets):
    return (targets * F.softplus(-logits) + (1 - targets) * F.softplus(logits)).mean()
