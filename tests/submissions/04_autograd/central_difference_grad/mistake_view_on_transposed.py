# Mistake: fills torch.zeros_like(x) through .view(-1). zeros_like copies x's strides, so for a
# non-contiguous x such as x.T the view raises, although the docstring admits any shape.
def central_difference_grad(f, x, eps=1e-6):
    x = x.detach()
    grad = torch.zeros_like(x)
    flat_grad = grad.view(-1)
    with torch.no_grad():
        for i in range(x.numel()):
            step = torch.zeros_like(x)
            step.view(-1)[i] = eps
            flat_grad[i] = (f(x + step) - f(x - step)) / (2 * eps)
    return grad
