# Mistake: forgets to divide by 255, so the values stay in 0..255 instead of [0, 1].
def pil_to_tensor(array):
    return torch.tensor(array).permute(2, 0, 1).float()
