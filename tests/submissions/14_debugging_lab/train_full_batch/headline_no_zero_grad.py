# Headline mistake: the broken loop handed in unchanged: no zero_grad(), so the gradients of every step pile up.
def train_full_batch(model, optimizer, X, y, steps):
    losses = []
    for _ in range(steps):
        loss = F.cross_entropy(model(X), y)
        loss.backward()
        optimizer.step()
        losses.append(loss.item())
    return losses
