# Headline mistake: reshape(C, H, W) instead of permute(2, 0, 1): the shape is right but the pixels are scrambled.
def pil_to_tensor(array):
    H, W, C = array.shape
    return torch.tensor(array).reshape(C, H, W).float() / 255
