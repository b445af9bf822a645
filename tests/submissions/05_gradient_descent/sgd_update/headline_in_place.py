# Headline mistake: updates w in place with -= and returns it, so the caller's tensor is changed as well.
def sgd_update(w, grad, lr):
    w -= lr * grad
    return w
