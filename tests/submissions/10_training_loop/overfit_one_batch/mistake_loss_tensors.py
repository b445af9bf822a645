# Mistake: logs the loss tensors instead of loss.item(), keeping every step's graph alive.
def overfit_one_batch(model, x, y, steps=100, lr=1e-2):
    optimizer = torch.optim.Adam(model.parameters(), lr=lr)
    losses = []
    for _ in range(steps):
        optimizer.zero_grad()
        loss = F.cross_entropy(model(x), y)
        loss.backward()
        optimizer.step()
        losses.append(loss)
    return losses
