# Alternative: wraps the array without copying, then clones the tensor into its own memory.
def to_independent_tensor(array):
    return torch.from_numpy(array).clone()
