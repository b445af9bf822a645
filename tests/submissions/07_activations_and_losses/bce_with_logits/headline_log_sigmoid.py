# Headline mistake: the textbook formula on sigmoid(z): log(sigmoid(z)) is log(0) = -inf once the sigmoid rounds to 0
# or 1, so large logits give an inf or nan loss and nan gradients.
def bce_with_logits(logits, targets):
    p = torch.sigmoid(logits)
    return -(targets * torch.log(p) + (1 - targets) * torch.log(1 - p)).mean()
