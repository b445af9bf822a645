# Mistake: never calls model.train(), so a model that arrives in eval mode trains with dropout off.
def train_model(model, train_loader, epochs, lr, device):
    optimizer = torch.optim.Adam(model.parameters(), lr=lr)
    losses = []
    for epoch in tqdm(range(epochs), file=sys.stdout):
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
