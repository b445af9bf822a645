# Alternative: builds the tensor on the meta device, which records shape and dtype but stores no data.
def tensor_nbytes(shape, dtype):
    return torch.empty(tuple(shape), dtype=dtype, device="meta").nbytes
