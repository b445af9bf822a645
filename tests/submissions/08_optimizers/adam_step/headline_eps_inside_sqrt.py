# Headline mistake: the cheat-sheet denominator sqrt(v_hat + eps) instead of PyTorch's sqrt(v_hat) + eps;
# invisible for ordinary gradients, caught by the visible check with eps=1e-3 and gradients of about 1e-3.
def adam_step(params, state, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0):
    beta1, beta2 = betas
    with torch.no_grad():
        for p in params:
            if p.grad is None:
                continue
            g = p.grad + weight_decay * p
            if p not in state:
                state[p] = {"step": 0, "m": torch.zeros_like(p), "v": torch.zeros_like(p)}
            s = state[p]
            s["step"] += 1
            s["m"].mul_(beta1).add_(g, alpha=1 - beta1)
            s["v"].mul_(beta2).addcmul_(g, g, value=1 - beta2)
            m_hat = s["m"] / (1 - beta1 ** s["step"])
            v_hat = s["v"] / (1 - beta2 ** s["step"])
            p.sub_(lr * m_hat / (v_hat + eps).sqrt())
