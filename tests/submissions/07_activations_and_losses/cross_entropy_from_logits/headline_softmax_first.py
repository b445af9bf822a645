# Headline mistake: applies softmax to the logits first and then the cross-entropy formula, i.e. softmax twice.
def cross_entropy_from_logits(logits, targets):
    probs = torch.softmax(logits, dim=1)
    true_prob = probs[torch.arange(len(targets)), targets]
    return (torch.logsumexp(probs, dim=1) - true_prob).mean()
