# Headline mistake: the broken function unchanged: every forward pass records a graph.
def predict_proba(model, X, batch_size):
    chunks = []
    for start in range(0, len(X), batch_size):
        chunks.append(F.softmax(model(X[start:start + batch_size]), dim=1))
    return torch.cat(chunks)
