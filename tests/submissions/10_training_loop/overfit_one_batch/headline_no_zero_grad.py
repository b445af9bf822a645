# Headline mistake: never zeroes the gradients, so each step uses the sum of all earlier steps' gradients.
def overfit_one_batch(model, x, y, steps=100, lr=1e-2):
    optimizer = torch.optim.Adam(model.parameters(), lr=lr)
    losses = []
    for _ in range(steps):
        loss = F.cross_entropy(model(x), y)
        loss.backward()
        optimizer.step()
        losses.append(loss.item())
    return losses
