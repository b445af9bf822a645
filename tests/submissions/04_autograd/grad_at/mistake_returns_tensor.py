# Mistake: returns x.grad itself, a 0-d tensor, where the docstring promises a Python float (.item()).
def grad_at(f, x0):
    x = torch.tensor(float(x0), requires_grad=True)
    f(x).backward()
    return x.grad
