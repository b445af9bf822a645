# Headline mistake: the broken X * W + b left in: element-wise product and broadcasting instead of a matrix product.
def train_softmax_regression(X, y, num_classes, steps, lr):
    W = torch.zeros(X.shape[1], num_classes, device=X.device, requires_grad=True)
    b = torch.zeros(num_classes, device=X.device, requires_grad=True)
    losses = []
    for _ in range(steps):
        loss = F.cross_entropy(X * W + b, y)
        loss.backward()
        with torch.no_grad():
            W -= lr * W.grad
            b -= lr * b.grad
        W.grad, b.grad = None, None
        losses.append(loss.item())
    return W.detach(), b.detach(), losses
