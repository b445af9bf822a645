# Alternative: F.nll_loss on log-softmax outputs, which is how F.cross_entropy itself is defined.
def cross_entropy_from_logits(logits, targets):
    return F.nll_loss(F.log_softmax(logits, dim=1), targets)
