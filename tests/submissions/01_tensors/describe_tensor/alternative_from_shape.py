# Alternative: derives ndim and numel from the shape (len and math.prod) and the device
# name from str(t.device) without its index.
import math


def describe_tensor(t):
    shape = tuple(int(n) for n in t.shape)
    return {
        "dtype": t.dtype,
        "shape": shape,
        "device": str(t.device).split(":")[0],
        "ndim": len(shape),
        "numel": math.prod(shape),
    }
