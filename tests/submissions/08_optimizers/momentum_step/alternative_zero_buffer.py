# Alternative: starts every buffer at zeros; with dampening 0, b_1 = mu * 0 + g_1 = g_1, the same as
# PyTorch's "first buffer is the gradient". Buffers are updated out of place.
def momentum_step(params, state, lr, momentum, weight_decay=0.0, nesterov=False):
    with torch.no_grad():
        for p in params:
            if p.grad is None:
                continue
            g = p.grad.add(p, alpha=weight_decay)
            b = momentum * state.get(p, torch.zeros_like(p)) + g
            state[p] = b
            step = g.add(b, alpha=momentum) if nesterov else b
            p.add_(step, alpha=-lr)
