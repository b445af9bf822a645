# Mistake: sums loss tensors and calls .item() only at the end: a float comes back, but every batch's graph stays alive during the epoch.
def train_epoch(model, optimizer, loss_fn, batches):
    total, seen = 0, 0
    for xb, yb in batches:
        optimizer.zero_grad()
        loss = loss_fn(model(xb), yb)
        loss.backward()
        optimizer.step()
        total = total + loss * len(yb)
        seen += len(yb)
    return total.item() / seen
