# Headline mistake: runs backward but returns the function's value f(x0) instead of the gradient.
def grad_at(f, x0):
    x = torch.tensor(float(x0), requires_grad=True)
    y = f(x)
    y.backward()
    return y.item()
