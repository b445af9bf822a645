# Alternative: accumulates detached loss tensors, zeroes through the model, counts with x.shape[0], one .item() at the end.
def train_one_epoch(model, loader, loss_fn, optimizer, device):
    model.train(True)
    total = torch.zeros((), dtype=torch.float64)
    seen = 0
    for x, y in loader:
        x, y = x.to(device, non_blocking=True), y.to(device, non_blocking=True)
        model.zero_grad(set_to_none=True)
        loss = loss_fn(model(x), y)
        loss.backward()
        optimizer.step()
        total += loss.detach().double().cpu() * x.shape[0]
        seen += x.shape[0]
    return total.item() / seen
