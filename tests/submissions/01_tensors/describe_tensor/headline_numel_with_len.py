# Headline mistake: uses len(t) as the number of elements. len() is only the size of the first axis,
# and it raises TypeError on a 0-d tensor.
def describe_tensor(t):
    return {
        "dtype": t.dtype,
        "shape": tuple(t.shape),
        "device": t.device.type,
        "ndim": t.ndim,
        "numel": len(t),
    }
