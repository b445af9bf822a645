# Mistake: the other textbook form, v <- mu * v + lr * g; p -= v. It equals PyTorch's rule only while lr is
# constant; hidden tests change lr between steps, as a scheduler does.
def momentum_step(params, state, lr, momentum, weight_decay=0.0, nesterov=False):
    with torch.no_grad():
        for p in params:
            if p.grad is None:
                continue
            g = p.grad + weight_decay * p
            if p not in state:
                state[p] = lr * g
            else:
                state[p] = momentum * state[p] + lr * g
            p.sub_(lr * g + momentum * state[p] if nesterov else state[p])
