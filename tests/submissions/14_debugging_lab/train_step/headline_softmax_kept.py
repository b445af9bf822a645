# Headline mistake: keeps the softmax in front of cross_entropy, which applies log_softmax again.
def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.cross_entropy(F.softmax(model(X), dim=1), y)
    loss.backward()
    optimizer.step()
    return loss.item()
