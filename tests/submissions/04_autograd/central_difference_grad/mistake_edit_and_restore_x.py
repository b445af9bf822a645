# Mistake: perturbs the caller's x itself (through x.detach(), which shares its memory) and puts every value
# back exactly. The values come back right, but each in-place edit bumps x's version counter, so a graph
# that saved x refuses to run backward afterwards.
def central_difference_grad(f, x, eps=1e-6):
    import itertools
    data = x.detach()
    grad = torch.zeros(x.shape, dtype=x.dtype, device=x.device)
    with torch.no_grad():
        for idx in itertools.product(*(range(n) for n in x.shape)):
            old = data[idx].item()
            data[idx] = old + eps
            f_plus = f(data)
            data[idx] = old - eps
            f_minus = f(data)
            data[idx] = old
            grad[idx] = (f_plus - f_minus) / (2 * eps)
    return grad
