# Alternative: sums detached loss tensors (no graph) and converts once at the end.
def train_epoch(model, optimizer, loss_fn, batches):
    total, seen = torch.zeros(()), 0
    for xb, yb in batches:
        optimizer.zero_grad()
        loss = loss_fn(model(xb), yb)
        loss.backward()
        optimizer.step()
        total = total + loss.detach() * len(yb)
        seen += len(yb)
    return (total / seen).item()
