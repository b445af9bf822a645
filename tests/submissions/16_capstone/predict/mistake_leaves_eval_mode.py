# Mistake: switches the model to eval mode and never restores the mode it arrived in.
def predict(model, loader, device):
    model.eval()
    predictions, labels = [], []
    with torch.no_grad():
        for x, y in loader:
            predictions.append(model(x.to(device)).argmax(dim=1).cpu())
            labels.append(y)
    return torch.cat(predictions), torch.cat(labels)
