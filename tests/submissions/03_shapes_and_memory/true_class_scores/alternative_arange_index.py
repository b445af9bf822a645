# Alternative: fancy indexing that pairs each row index with that row's target.
def true_class_scores(logits, targets):
    rows = torch.arange(len(targets), device=logits.device)
    return logits[rows, targets]
