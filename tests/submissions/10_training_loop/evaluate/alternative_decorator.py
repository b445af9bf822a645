# Alternative: the loop lives in an inner function decorated with @torch.no_grad(); float()/int() instead of .item(),
# model.train(False) for eval mode.
@torch.no_grad()
def _evaluate_batches(model, loader, loss_fn, device):
    total_loss, correct, seen = 0.0, 0, 0
    for x, y in loader:
        x, y = x.to(device), y.to(device)
        logits = model(x)
        n = y.shape[0]
        total_loss += float(loss_fn(logits, y)) * n
        correct += int(logits.argmax(-1).eq(y).sum())
        seen += n
    return total_loss / seen, correct / seen


def evaluate(model, loader, loss_fn, device):
    mode = model.training
    model.train(False)
    result = _evaluate_batches(model, loader, loss_fn, device)
    model.train(mode)
    return result
