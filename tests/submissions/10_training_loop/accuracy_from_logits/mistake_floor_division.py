# Mistake: counts the correct predictions as an int and divides with //, which floors every accuracy below 1 to 0.
def accuracy_from_logits(logits, targets):
    correct = (logits.argmax(dim=1) == targets).sum().item()
    return float(correct // len(targets))
