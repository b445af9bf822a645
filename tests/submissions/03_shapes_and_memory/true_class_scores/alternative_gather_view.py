# Alternative: gather with an (N, 1) index made by view, then view(-1) back to (N,).
def true_class_scores(logits, targets):
    return logits.gather(dim=1, index=targets.view(-1, 1)).view(-1)
