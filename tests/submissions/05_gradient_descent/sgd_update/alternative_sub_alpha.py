# Alternative: torch.sub with alpha, which computes w - alpha * grad in one call and returns a new tensor.
def sgd_update(w, grad, lr):
    return torch.sub(w, grad, alpha=lr)
