# Alternative: float32 input and torch.autograd.grad, which returns the gradient instead of filling .grad.
def grad_at(f, x0):
    x = torch.tensor(x0, dtype=torch.float32, requires_grad=True)
    (dx,) = torch.autograd.grad(f(x), x)
    return dx.item()
