# Mistake: torch.Tensor(array) (capital T) makes float32 for every input dtype, and it shares
# memory with the array when the array is already float32.
def to_independent_tensor(array):
    return torch.Tensor(array)
