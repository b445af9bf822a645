# Mistake: torch.set_grad_enabled(False) as a statement, which switches autograd off for the caller too.
def predict_proba(model, X, batch_size):
    torch.set_grad_enabled(False)
    chunks = []
    for start in range(0, len(X), batch_size):
        chunks.append(F.softmax(model(X[start:start + batch_size]), dim=1))
    return torch.cat(chunks)
