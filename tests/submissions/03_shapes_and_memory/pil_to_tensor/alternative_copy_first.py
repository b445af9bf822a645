# Alternative: array.copy() is always a plain C-contiguous array, which torch.tensor accepts.
def pil_to_tensor(array):
    return torch.tensor(array.copy()).permute(2, 0, 1).to(torch.float32) / 255
