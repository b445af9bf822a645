# Mistake: adds the gradient (w + lr * grad), which climbs uphill instead of descending.
def sgd_update(w, grad, lr):
    return w + lr * grad
