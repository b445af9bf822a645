# Alternative: copies w first and updates the copy in place; the caller's w is untouched.
def sgd_update(w, grad, lr):
    new = w.clone()
    new -= lr * grad
    return new
