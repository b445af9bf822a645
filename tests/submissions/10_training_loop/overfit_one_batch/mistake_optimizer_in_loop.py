# Mistake: builds a new Adam optimizer every step, which throws away its running averages each time.
def overfit_one_batch(model, x, y, steps=100, lr=1e-2):
    losses = []
    for _ in range(steps):
        optimizer = torch.optim.Adam(model.parameters(), lr=lr)
        optimizer.zero_grad()
        loss = F.cross_entropy(model(x), y)
        loss.backward()
        optimizer.step()
        losses.append(loss.item())
    return losses
