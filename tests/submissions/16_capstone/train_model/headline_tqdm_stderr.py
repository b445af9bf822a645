# Headline mistake: a tqdm progress bar with its default file, which is stderr (a graded cell that writes there scores 0).
def train_model(model, train_loader, epochs, lr, device):
    optimizer = torch.optim.Adam(model.parameters(), lr=lr)
    losses = []
    for epoch in tqdm(range(epochs), desc="training"):
        model.train()
        total, seen = 0.0, 0
        for x, y in train_loader:
            x, y = x.to(device), y.to(device)
            optimizer.zero_grad()
            loss = F.cross_entropy(model(x), y)
            loss.backward()
            optimizer.step()
            total += loss.item() * len(y)
            seen += len(y)
        losses.append(total / seen)
    return losses
