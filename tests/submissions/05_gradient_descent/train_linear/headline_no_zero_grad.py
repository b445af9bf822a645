# Headline mistake: never calls optimizer.zero_grad(), so the gradients of all earlier steps pile up in .grad.
def train_linear(model, x, y, lr, steps):
    optimizer = torch.optim.SGD(model.parameters(), lr=lr)
    loss_fn = nn.MSELoss()
    losses = []
    for _ in range(steps):
        loss = loss_fn(model(x), y)
        loss.backward()
        optimizer.step()
        losses.append(loss.item())
    return losses
