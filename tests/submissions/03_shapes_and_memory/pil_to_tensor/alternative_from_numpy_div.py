# Alternative: np.ascontiguousarray copies only when it must (a flipped view); torch.from_numpy then shares
# the array's memory, but permute, float() and div() only read it and return new tensors, so the array is
# never modified.
def pil_to_tensor(array):
    return torch.from_numpy(np.ascontiguousarray(array)).permute(2, 0, 1).float().div(255)
