# Mistake: builds the buffer from the raw gradient and adds the weight decay only to the step
# (p -= lr * (b + wd * p)); PyTorch puts the decay into g before the buffer. Fails once weight_decay != 0.
def momentum_step(params, state, lr, momentum, weight_decay=0.0, nesterov=False):
    with torch.no_grad():
        for p in params:
            if p.grad is None:
                continue
            g = p.grad
            if p not in state:
                state[p] = g.clone()
            else:
                state[p].mul_(momentum).add_(g)
            d = g + momentum * state[p] if nesterov else state[p]
            p.sub_(lr * (d + weight_decay * p))
