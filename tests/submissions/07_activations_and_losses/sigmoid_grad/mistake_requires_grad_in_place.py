# Mistake: uses autograd on the caller's own tensor: it switches on x.requires_grad and leaves x.grad behind
# (a second call on the same x would even add to that .grad).
def sigmoid_grad(x):
    x.requires_grad_(True)
    torch.sigmoid(x).sum().backward()
    return x.grad
