# Mistake: torch.tensor(array) copies and keeps the dtype, but it raises ValueError ("At least one stride
# in the given numpy array is negative") on a reversed view such as arr[::-1].
def to_independent_tensor(array):
    return torch.tensor(array)
