# Mistake: adds the weight decay into p.grad in place; the parameters come out right, but the caller's
# gradients are changed (torch.optim.SGD leaves them alone). Hidden tests compare p.grad before and after.
def sgd_step(params, lr, weight_decay=0.0):
    with torch.no_grad():
        for p in params:
            if p.grad is None:
                continue
            p.grad.add_(p, alpha=weight_decay)
            p.sub_(lr * p.grad)
