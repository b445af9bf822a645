# Alternative: float(loss) instead of loss.item().
def train_epoch(model, optimizer, loss_fn, batches):
    total, seen = 0.0, 0
    for xb, yb in batches:
        optimizer.zero_grad()
        loss = loss_fn(model(xb), yb)
        loss.backward()
        optimizer.step()
        total += float(loss) * len(yb)
        seen += len(yb)
    return total / seen
