# Alternative: the arrangement torch.optim.Adam itself uses: lerp for m, step size lr / (1 - beta1 ** t) and
# denominator sqrt(v) / sqrt(1 - beta2 ** t) + eps, with addcdiv_; the state keeps the step as a tensor.
def adam_step(params, state, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0):
    beta1, beta2 = betas
    for p in params:
        if p.grad is None:
            continue
        with torch.no_grad():
            grad = p.grad if weight_decay == 0 else p.grad.add(p, alpha=weight_decay)
            st = state.setdefault(p, {"step": torch.tensor(0.0), "exp_avg": torch.zeros_like(p),
                                      "exp_avg_sq": torch.zeros_like(p)})
            st["step"] += 1
            t = st["step"].item()
            st["exp_avg"].lerp_(grad, 1 - beta1)
            st["exp_avg_sq"].mul_(beta2).addcmul_(grad, grad.conj(), value=1 - beta2)
            denom = (st["exp_avg_sq"].sqrt() / math.sqrt(1 - beta2 ** t)).add_(eps)
            p.addcdiv_(st["exp_avg"], denom, value=-lr / (1 - beta1 ** t))
