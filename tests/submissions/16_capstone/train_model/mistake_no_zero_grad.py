# Mistake: zeroes the gradients once before training instead of before every backward, so .grad keeps adding up.
def train_model(model, train_loader, epochs, lr, device):
    optimizer = torch.optim.Adam(model.parameters(), lr=lr)
    optimizer.zero_grad()
    losses = []
    for epoch in range(epochs):
        model.train()
        total, seen = 0.0, 0
        for x, y in train_loader:
            x, y = x.to(device), y.to(device)
            loss = F.cross_entropy(model(x), y)
            loss.backward()
            optimizer.step()
            total += loss.item() * len(y)
            seen += len(y)
        losses.append(total / seen)
        print(f"epoch {epoch + 1}: loss {losses[-1]:.3f}")
    return losses
