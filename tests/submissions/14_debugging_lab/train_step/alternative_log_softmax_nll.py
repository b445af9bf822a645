# Alternative: F.nll_loss on F.log_softmax, which is what cross_entropy computes.
def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.nll_loss(F.log_softmax(model(X), dim=1), y)
    loss.backward()
    optimizer.step()
    return loss.item()
