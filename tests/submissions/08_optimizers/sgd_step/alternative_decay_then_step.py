# Alternative: the decorator form of no_grad, and the decay written as a shrink of the weights followed by
# the gradient step; for SGD, p * (1 - lr * wd) - lr * g is the same as p - lr * (g + wd * p).
@torch.no_grad()
def sgd_step(params, lr, weight_decay=0.0):
    for p in params:
        if p.grad is not None:
            p.mul_(1 - lr * weight_decay)
            p.add_(p.grad, alpha=-lr)
