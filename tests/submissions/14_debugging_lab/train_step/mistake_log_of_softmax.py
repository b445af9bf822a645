# Mistake: log(softmax(z)) with nll_loss: right for small logits, -inf/inf when a probability underflows.
def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.nll_loss(torch.log(F.softmax(model(X), dim=1)), y)
    loss.backward()
    optimizer.step()
    return loss.item()
