# Mistake: clears the gradients once, before the loop, so they still accumulate from the second step on.
def train_full_batch(model, optimizer, X, y, steps):
    losses = []
    optimizer.zero_grad()
    for _ in range(steps):
        loss = F.cross_entropy(model(X), y)
        loss.backward()
        optimizer.step()
        losses.append(loss.item())
    return losses
