# Mistake: removes the softmax but switches to nll_loss on raw logits, which needs log-probabilities.
def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.nll_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
