# Alternative: copies the array in NumPy first, then shares the copy with torch.as_tensor.
def to_independent_tensor(array):
    return torch.as_tensor(array.copy())
