# Alternative: cross_entropy of log_softmax: log_softmax of log-probabilities changes nothing, so the loss is exact.
def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = nn.CrossEntropyLoss()(F.log_softmax(model(X), dim=1), y)
    loss.backward()
    optimizer.step()
    return loss.item()
