# Alternative: the textbook formula with the stable F.logsigmoid, using 1 - sigmoid(z) = sigmoid(-z).
def bce_with_logits(logits, targets):
    return -(targets * F.logsigmoid(logits) + (1 - targets) * F.logsigmoid(-logits)).mean()
