# Alternative: lets autograd differentiate the sigmoid (sum trick: element i's slope lands in grad[i]).
def sigmoid_grad(x):
    x = x.detach().clone().requires_grad_(True)
    (grad,) = torch.autograd.grad(torch.sigmoid(x).sum(), x)
    return grad
