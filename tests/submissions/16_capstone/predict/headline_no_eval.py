# Headline mistake: no model.eval(), so dropout stays on and the predictions change from call to call.
def predict(model, loader, device):
    predictions, labels = [], []
    with torch.no_grad():
        for x, y in loader:
            predictions.append(model(x.to(device)).argmax(dim=1).cpu())
            labels.append(y)
    return torch.cat(predictions), torch.cat(labels)
