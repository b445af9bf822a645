# Alternative: the sum over the input features spelled out with einsum, then the bias broadcast over rows.
def linear_forward(x, W, b):
    return torch.einsum("ni,oi->no", x, W) + b
