# Alternative: no tqdm, one printed line per epoch (print writes to stdout); model.zero_grad() instead of the optimizer's.
def train_model(model, train_loader, epochs, lr, device):
    optimizer = torch.optim.Adam(model.parameters(), lr=lr)
    losses = []
    model.train()
    for epoch in range(epochs):
        total, seen = 0.0, 0
        for x, y in train_loader:
            x, y = x.to(device), y.to(device)
            model.zero_grad()
            loss = F.cross_entropy(model(x), y)
            loss.backward()
            optimizer.step()
            total += loss.item() * x.shape[0]
            seen += x.shape[0]
        losses.append(total / seen)
        print(f"epoch {epoch + 1}/{epochs}: loss {losses[-1]:.4f}")
    return losses
