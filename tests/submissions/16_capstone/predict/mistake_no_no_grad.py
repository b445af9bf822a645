# Mistake: eval mode but no torch.no_grad(), so every batch builds an autograd graph it will never use.
def predict(model, loader, device):
    was_training = model.training
    model.eval()
    predictions, labels = [], []
    for x, y in loader:
        predictions.append(model(x.to(device)).argmax(dim=1).cpu())
        labels.append(y)
    model.train(was_training)
    return torch.cat(predictions), torch.cat(labels)
