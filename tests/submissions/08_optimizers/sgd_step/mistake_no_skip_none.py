# Mistake: does not skip parameters whose .grad is None (parameters unused by the loss), so it crashes
# with a TypeError on them; hidden tests include such a parameter.
def sgd_step(params, lr, weight_decay=0.0):
    with torch.no_grad():
        for p in params:
            p.sub_(lr * (p.grad + weight_decay * p))
