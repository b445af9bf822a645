# Alternative: PyTorch's own functional linear layer, which computes x @ W.T + b.
def linear_forward(x, W, b):
    return torch.nn.functional.linear(x, W, b)
