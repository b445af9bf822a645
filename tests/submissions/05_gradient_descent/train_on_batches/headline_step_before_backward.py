# Headline mistake: fixes zero_grad and .item() but keeps step() before backward(): each step sees no gradient
# (None after zero_grad), so the parameters never move.
def train_on_batches(model, optimizer, loss_fn, batches):
    losses = []
    for xb, yb in batches:
        loss = loss_fn(model(xb), yb)
        optimizer.zero_grad()
        optimizer.step()
        loss.backward()
        losses.append(loss.item())
    return losses
