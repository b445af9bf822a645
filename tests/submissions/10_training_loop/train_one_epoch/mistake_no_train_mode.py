# Mistake: forgets model.train(), so a model left in eval mode by an evaluation trains with Dropout off.
def train_one_epoch(model, loader, loss_fn, optimizer, device):
    total, seen = 0.0, 0
    for x, y in loader:
        x, y = x.to(device), y.to(device)
        optimizer.zero_grad()
        loss = loss_fn(model(x), y)
        loss.backward()
        optimizer.step()
        total += loss.item() * len(y)
        seen += len(y)
    return total / seen
