# Alternative: zeroes through model.zero_grad() and records float(loss.detach()).
def overfit_one_batch(model, x, y, steps=100, lr=1e-2):
    model.train()
    optimizer = torch.optim.Adam(model.parameters(), lr=lr)
    losses = []
    step = 0
    while step < steps:
        model.zero_grad()
        loss = F.cross_entropy(model(x), y, reduction="mean")
        losses.append(float(loss.detach()))
        loss.backward()
        optimizer.step()
        step += 1
    return losses
