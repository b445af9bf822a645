# Mistake: adds zero_grad() but between backward() and step(), so every step uses a zero (or no) gradient.
def train_full_batch(model, optimizer, X, y, steps):
    losses = []
    for _ in range(steps):
        loss = F.cross_entropy(model(X), y)
        loss.backward()
        optimizer.zero_grad()
        optimizer.step()
        losses.append(loss.item())
    return losses
