# Headline mistake: updates the parameters in place without torch.no_grad(), so autograd raises
# "a leaf Variable that requires grad is being used in an in-place operation"; the visible check catches it.
def sgd_step(params, lr, weight_decay=0.0):
    for p in params:
        if p.grad is None:
            continue
        p -= lr * (p.grad + weight_decay * p)
