# Mistake: moves the batch to the notebook's global `device` instead of the model's device.
def batch_loss(model, xb, yb):
    xb, yb = xb.to(device), yb.to(device)
    return F.cross_entropy(model(xb), yb)
