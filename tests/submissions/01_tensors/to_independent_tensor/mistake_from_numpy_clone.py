# Mistake: wraps the array with torch.from_numpy, then clones the tensor into its own memory. Independent
# and the right dtype, but torch.from_numpy refuses a view with negative strides (arr[::-1]): PyTorch
# tensors have no negative strides. Copying in NumPy first (array.copy()) works for every view.
def to_independent_tensor(array):
    return torch.from_numpy(array).clone()
