# Headline mistake: the broken function unchanged: the batch stays on the CPU while the model is elsewhere.
def batch_loss(model, xb, yb):
    return F.cross_entropy(model(xb), yb)
