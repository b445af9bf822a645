# Mistake: builds the input with torch.tensor(x0, requires_grad=True). For an int x0 such as 2 that is an
# int64 tensor, and integer tensors cannot require gradients (RuntimeError).
def grad_at(f, x0):
    x = torch.tensor(x0, requires_grad=True)
    f(x).backward()
    return x.grad.item()
