# Alternative: the loop in a helper decorated with @torch.no_grad().
@torch.no_grad()
def _probabilities(model, X, batch_size):
    out = []
    for start in range(0, len(X), batch_size):
        out.append(F.softmax(model(X[start:start + batch_size]), dim=1))
    return torch.cat(out)


def predict_proba(model, X, batch_size):
    return _probabilities(model, X, batch_size)
