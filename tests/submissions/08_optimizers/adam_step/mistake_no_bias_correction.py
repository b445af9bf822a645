# Mistake: no bias correction (steps with m / (sqrt(v) + eps)), so the first steps are about 3 times too large.
def adam_step(params, state, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0):
    beta1, beta2 = betas
    with torch.no_grad():
        for p in params:
            if p.grad is None:
                continue
            g = p.grad + weight_decay * p
            if p not in state:
                state[p] = {"m": torch.zeros_like(p), "v": torch.zeros_like(p)}
            s = state[p]
            s["m"].mul_(beta1).add_(g, alpha=1 - beta1)
            s["v"].mul_(beta2).addcmul_(g, g, value=1 - beta2)
            p.sub_(lr * s["m"] / (s["v"].sqrt() + eps))
