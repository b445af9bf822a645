# Mistake: calls model.eval() but never switches back, so the next epoch trains in eval mode.
def accuracy(model, X, y):
    model.eval()
    with torch.no_grad():
        preds = model(X).argmax(dim=1)
    return (preds == y).float().mean().item()
