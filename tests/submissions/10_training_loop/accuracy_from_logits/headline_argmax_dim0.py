# Headline mistake: argmax over dim=0 (one index per class, down the batch) instead of dim=1 (one prediction per example).
def accuracy_from_logits(logits, targets):
    predictions = logits.argmax(dim=0)
    return (predictions == targets).float().mean().item()
