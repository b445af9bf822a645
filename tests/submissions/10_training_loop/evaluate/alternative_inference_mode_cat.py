# Alternative: torch.inference_mode(), collects all logits and labels, one loss over the concatenation (already per example).
def evaluate(model, loader, loss_fn, device):
    was_training = model.training
    model.eval()
    try:
        with torch.inference_mode():
            outs, labels = [], []
            for x, y in loader:
                outs.append(model(x.to(device)))
                labels.append(y.to(device))
            logits, y = torch.cat(outs), torch.cat(labels)
            loss = loss_fn(logits, y).item()
            accuracy = (logits.argmax(dim=1) == y).float().mean().item()
    finally:
        if was_training:
            model.train()
    return loss, accuracy
