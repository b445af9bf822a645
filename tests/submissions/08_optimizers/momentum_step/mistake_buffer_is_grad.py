# Mistake: with weight_decay=0 the first buffer is p.grad itself (no copy), so the next in-place refill of
# p.grad (zero_grad(set_to_none=False) + backward) overwrites the buffer, and the buffer update changes p.grad.
def momentum_step(params, state, lr, momentum, weight_decay=0.0, nesterov=False):
    with torch.no_grad():
        for p in params:
            if p.grad is None:
                continue
            g = p.grad
            if weight_decay != 0:
                g = g + weight_decay * p
            if p not in state:
                state[p] = g
            else:
                state[p].mul_(momentum).add_(g)
            p.sub_(lr * (g + momentum * state[p] if nesterov else state[p]))
