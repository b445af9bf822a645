# Mistake: updates with w = w - lr * w.grad outside torch.no_grad(). The new w is a recorded result, not a
# leaf, so the next backward() leaves w.grad as None and the second update fails.
def fit_by_hand(x, y, lr, steps):
    w = torch.tensor(0.0, dtype=x.dtype, requires_grad=True)
    b = torch.tensor(0.0, dtype=x.dtype, requires_grad=True)
    for _ in range(steps):
        loss = ((w * x + b - y) ** 2).mean()
        loss.backward()
        w = w - lr * w.grad
        b = b - lr * b.grad
    return w.item(), b.item()
