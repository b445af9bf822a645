# Alternative: torch.Size(shape).numel() counts the elements without making a tensor.
def tensor_nbytes(shape, dtype):
    return torch.Size(shape).numel() * dtype.itemsize
