# Mistake: bias correction with the step counted from 0 (the counter is incremented after use), so the first
# step divides by 1 - beta ** 0 = 0 and the parameters become inf/nan.
def adam_step(params, state, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0):
    beta1, beta2 = betas
    with torch.no_grad():
        for p in params:
            if p.grad is None:
                continue
            g = p.grad + weight_decay * p
            if p not in state:
                state[p] = {"t": 0, "m": torch.zeros_like(p), "v": torch.zeros_like(p)}
            s = state[p]
            s["m"] = beta1 * s["m"] + (1 - beta1) * g
            s["v"] = beta2 * s["v"] + (1 - beta2) * g * g
            m_hat = s["m"] / (1 - beta1 ** s["t"])
            v_hat = s["v"] / (1 - beta2 ** s["t"])
            s["t"] += 1
            p.sub_(lr * m_hat / (v_hat.sqrt() + eps))
