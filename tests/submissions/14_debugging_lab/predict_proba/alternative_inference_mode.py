# Alternative: torch.inference_mode() and torch.split for the batches.
def predict_proba(model, X, batch_size):
    with torch.inference_mode():
        return torch.cat([model(chunk).softmax(dim=1) for chunk in torch.split(X, batch_size)])
