# Mistake: appends the loss tensors themselves instead of loss.item(), keeping every step's graph nodes
# (and its value, on the device) alive.
def train_linear(model, x, y, lr, steps):
    optimizer = torch.optim.SGD(model.parameters(), lr=lr)
    loss_fn = nn.MSELoss()
    losses = []
    for _ in range(steps):
        loss = loss_fn(model(x), y)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        losses.append(loss)
    return losses
