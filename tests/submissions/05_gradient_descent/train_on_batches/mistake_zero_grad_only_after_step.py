# Mistake: resets the gradients only after each step, so gradients left over from before the call leak
# into the first update.
def train_on_batches(model, optimizer, loss_fn, batches):
    losses = []
    for xb, yb in batches:
        loss = loss_fn(model(xb), yb)
        loss.backward()
        optimizer.step()
        optimizer.zero_grad()
        losses.append(loss.item())
    return losses
