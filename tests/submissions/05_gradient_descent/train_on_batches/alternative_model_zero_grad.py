# Alternative: model.zero_grad() instead of optimizer.zero_grad(): the optimizer was built on
# model.parameters(), so both reset the same gradients.
def train_on_batches(model, optimizer, loss_fn, batches):
    losses = []
    for xb, yb in batches:
        model.zero_grad()
        loss = loss_fn(model(xb), yb)
        loss.backward()
        optimizer.step()
        losses.append(loss.item())
    return losses
