# Mistake: detaches each batch's output: the result has no graph, but every forward pass still built one.
def predict_proba(model, X, batch_size):
    chunks = []
    for start in range(0, len(X), batch_size):
        chunks.append(F.softmax(model(X[start:start + batch_size]), dim=1).detach())
    return torch.cat(chunks)
