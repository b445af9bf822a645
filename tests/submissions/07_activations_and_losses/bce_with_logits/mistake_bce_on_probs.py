# Mistake: F.binary_cross_entropy on sigmoid(z): finite, but it clamps each log at -100, so a logit of
# -1000 for class 1 costs 100 instead of 1000 (and gets no gradient).
def bce_with_logits(logits, targets):
    return F.binary_cross_entropy(torch.sigmoid(logits), targets)
