# Alternative: a tqdm bar over the batches of each epoch on stdout, a detached tensor total turned into a float at the end,
# and zero_grad after the step instead of before the backward.
def train_model(model, train_loader, epochs, lr, device):
    optimizer = torch.optim.Adam(model.parameters(), lr=lr)
    optimizer.zero_grad(set_to_none=True)
    losses = []
    for epoch in range(epochs):
        model.train()
        total, seen = torch.zeros((), dtype=torch.float64), 0
        for x, y in tqdm(train_loader, desc=f"epoch {epoch + 1}", file=sys.stdout, leave=False):
            x, y = x.to(device), y.to(device)
            loss = F.cross_entropy(model(x), y)
            loss.backward()
            optimizer.step()
            optimizer.zero_grad(set_to_none=True)
            total += loss.detach().double().cpu() * len(y)
            seen += len(y)
        losses.append((total / seen).item())
    return losses
