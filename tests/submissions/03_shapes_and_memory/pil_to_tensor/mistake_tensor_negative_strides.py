# Mistake: torch.tensor(array) copies a plain array fine, but raises on a view with negative strides, such as
# the BGR -> RGB flip array[..., ::-1] (so does torch.from_numpy).
def pil_to_tensor(array):
    return torch.tensor(array).permute(2, 0, 1).float() / 255
