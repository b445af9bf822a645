# Mistake: writes through .reshape(-1), which is a view of a contiguous tensor but a copy of a
# non-contiguous one: for x.T nothing reaches grad (or step), and the result is all zeros.
def central_difference_grad(f, x, eps=1e-6):
    x = x.detach()
    grad = torch.zeros_like(x)
    flat_grad = grad.reshape(-1)
    with torch.no_grad():
        for i in range(x.numel()):
            step = torch.zeros_like(x)
            step.reshape(-1)[i] = eps
            flat_grad[i] = (f(x + step) - f(x - step)) / (2 * eps)
    return grad
