# Headline mistake: creates the tensor to ask for its size. Correct for small shapes, but it allocates the
# memory it was meant to predict, and fails for a tensor larger than the machine's memory.
def tensor_nbytes(shape, dtype):
    t = torch.zeros(tuple(shape), dtype=dtype)
    return t.numel() * t.element_size()
