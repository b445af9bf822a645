# Mistake: builds buffers with torch.zeros(*x.shape, ...). For a 0-d x that is torch.zeros() with no size,
# which raises.
def central_difference_grad(f, x, eps=1e-6):
    x = x.detach()
    grad = torch.zeros(*x.shape, dtype=x.dtype, device=x.device)
    with torch.no_grad():
        for i in range(x.numel()):
            step = torch.zeros(*x.shape, dtype=x.dtype, device=x.device)
            step.view(-1)[i] = eps
            grad.view(-1)[i] = (f(x + step) - f(x - step)) / (2 * eps)
    return grad
