# Mistake: sums the per-example losses instead of averaging them (N times too large for N examples).
def cross_entropy_from_logits(logits, targets):
    true_logit = logits.gather(1, targets.unsqueeze(1)).squeeze(1)
    return (torch.logsumexp(logits, dim=1) - true_logit).sum()
