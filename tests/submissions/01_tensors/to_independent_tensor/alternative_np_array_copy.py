# Alternative: np.array(array) makes a NumPy copy with ordinary strides, which torch.tensor then copies again.
def to_independent_tensor(array):
    return torch.tensor(np.array(array))
