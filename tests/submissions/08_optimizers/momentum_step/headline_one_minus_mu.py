# Headline mistake: the cheat-sheet momentum, v <- mu * v + (1 - mu) * g starting from v = 0, instead of
# PyTorch's b <- mu * b + g with b = g on the first step; the visible check catches it.
def momentum_step(params, state, lr, momentum, weight_decay=0.0, nesterov=False):
    with torch.no_grad():
        for p in params:
            if p.grad is None:
                continue
            g = p.grad + weight_decay * p
            v = state.get(p, torch.zeros_like(p))
            v = momentum * v + (1 - momentum) * g
            state[p] = v
            p.sub_(lr * (g + momentum * v if nesterov else v))
