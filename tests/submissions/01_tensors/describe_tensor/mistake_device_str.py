# Mistake: str(t.device) includes the device index ("cuda:0" on a GPU); the spec asks for the kind only.
# On the CPU and meta devices, which have no index, it looks right.
def describe_tensor(t):
    return {
        "dtype": t.dtype,
        "shape": tuple(t.shape),
        "device": str(t.device),
        "ndim": t.ndim,
        "numel": t.numel(),
    }
