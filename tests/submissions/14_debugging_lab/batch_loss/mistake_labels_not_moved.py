# Mistake: moves the inputs to the model's device but forgets the labels.
def batch_loss(model, xb, yb):
    xb = xb.to(next(model.parameters()).device)
    return F.cross_entropy(model(xb), yb)
