# Headline mistake: returns the mean of the batch means, which over-weights a smaller last batch.
def train_one_epoch(model, loader, loss_fn, optimizer, device):
    model.train()
    batch_losses = []
    for x, y in loader:
        x, y = x.to(device), y.to(device)
        optimizer.zero_grad()
        loss = loss_fn(model(x), y)
        loss.backward()
        optimizer.step()
        batch_losses.append(loss.item())
    return sum(batch_losses) / len(batch_losses)
