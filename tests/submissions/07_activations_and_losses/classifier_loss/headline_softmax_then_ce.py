# Headline mistake: the teammate's original code: cross-entropy on the model's softmax output, so the logits are
# squashed twice (wrong loss, weak gradients).
def classifier_loss(model, x, targets):
    return F.cross_entropy(model(x), targets)
