# Alternative: torch.from_numpy shares the array's memory, but permute, float() and div() only read it
# and return new tensors, so the array is never modified.
def pil_to_tensor(array):
    return torch.from_numpy(array).permute(2, 0, 1).float().div(255)
