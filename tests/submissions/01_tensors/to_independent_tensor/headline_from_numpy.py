# Headline mistake: torch.from_numpy shares memory with the array, so later changes to the array
# show up in the tensor.
def to_independent_tensor(array):
    return torch.from_numpy(array)
