# Mistake: puts backward() before step() but never calls optimizer.zero_grad(), so gradients accumulate
# over the batches (and the leftover gradients leak into every update).
def train_on_batches(model, optimizer, loss_fn, batches):
    losses = []
    for xb, yb in batches:
        loss = loss_fn(model(xb), yb)
        loss.backward()
        optimizer.step()
        losses.append(loss.item())
    return losses
