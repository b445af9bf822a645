# Mistake: perturbs the caller's x in place (+eps, then -2*eps) and never restores it, so x comes back
# shifted by -eps in every element.
def central_difference_grad(f, x, eps=1e-6):
    grad = torch.zeros_like(x)
    flat_x = x.view(-1)
    with torch.no_grad():
        for i in range(flat_x.numel()):
            flat_x[i] += eps
            f_plus = f(x)
            flat_x[i] -= 2 * eps
            f_minus = f(x)
            grad.view(-1)[i] = (f_plus - f_minus) / (2 * eps)
    return grad
