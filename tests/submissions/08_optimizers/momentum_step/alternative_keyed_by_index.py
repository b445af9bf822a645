# Alternative: keys the buffers by the parameter's position in params (the caller passes the same list every
# time), and writes the update with p -= ...
def momentum_step(params, state, lr, momentum, weight_decay=0.0, nesterov=False):
    with torch.no_grad():
        for i, p in enumerate(params):
            if p.grad is None:
                continue
            g = p.grad + weight_decay * p
            if i in state:
                state[i] = momentum * state[i] + g
            else:
                state[i] = g.detach().clone()
            if nesterov:
                p -= lr * (g + momentum * state[i])
            else:
                p -= lr * state[i]
