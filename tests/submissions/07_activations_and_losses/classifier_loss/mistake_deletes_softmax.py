# Mistake: removes the softmax from the caller's model in place; the loss is right, but the deployment model
# no longer outputs probabilities.
def classifier_loss(model, x, targets):
    del model[-1]
    return F.cross_entropy(model(x), targets)
