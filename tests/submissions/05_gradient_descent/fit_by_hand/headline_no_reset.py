# Headline mistake: never resets w.grad and b.grad, so every backward() adds to the old gradients and each update
# uses the sum of all gradients so far.
def fit_by_hand(x, y, lr, steps):
    w = torch.tensor(0.0, dtype=x.dtype, requires_grad=True)
    b = torch.tensor(0.0, dtype=x.dtype, requires_grad=True)
    for _ in range(steps):
        loss = ((w * x + b - y) ** 2).mean()
        loss.backward()
        with torch.no_grad():
            w -= lr * w.grad
            b -= lr * b.grad
    return w.item(), b.item()
