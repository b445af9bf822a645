# Headline mistake: calls model.eval() but not torch.no_grad(), so every forward pass records a graph.
def evaluate(model, loader, loss_fn, device):
    was_training = model.training
    model.eval()
    total_loss, correct, seen = 0.0, 0, 0
    for x, y in loader:
        x, y = x.to(device), y.to(device)
        logits = model(x)
        total_loss += loss_fn(logits, y).item() * len(y)
        correct += (logits.argmax(dim=1) == y).sum().item()
        seen += len(y)
    model.train(was_training)
    return total_loss / seen, correct / seen
