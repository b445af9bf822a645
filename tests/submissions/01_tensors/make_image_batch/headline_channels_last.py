# Headline mistake: lays the batch out channels-last (B x H x W x C), the NumPy/PIL convention.
def make_image_batch(batch_size, channels, height, width, device="cpu"):
    return torch.zeros(batch_size, height, width, channels, device=device)
