# Mistake: stores t.size (the method itself, without parentheses) as the shape.
def describe_tensor(t):
    return {
        "dtype": t.dtype,
        "shape": t.size,
        "device": t.device.type,
        "ndim": t.ndim,
        "numel": t.numel(),
    }
