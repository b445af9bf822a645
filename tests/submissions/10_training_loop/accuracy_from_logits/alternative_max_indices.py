# Alternative: takes the indices from torch.max along dim 1 and averages in float64.
def accuracy_from_logits(logits, targets):
    _, predictions = torch.max(logits, dim=1)
    return float((predictions == targets).double().mean())
