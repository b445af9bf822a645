# Alternative: model.zero_grad() instead of optimizer.zero_grad(): the optimizer holds the same parameters.
def train_full_batch(model, optimizer, X, y, steps):
    losses = []
    for _ in range(steps):
        model.zero_grad()
        loss = F.cross_entropy(model(X), y)
        loss.backward()
        optimizer.step()
        losses.append(loss.item())
    return losses
