# Mistake: gather is right, but the bare squeeze() also removes the batch axis when N = 1 (shape ()).
def true_class_scores(logits, targets):
    return logits.gather(1, targets.unsqueeze(1)).squeeze()
