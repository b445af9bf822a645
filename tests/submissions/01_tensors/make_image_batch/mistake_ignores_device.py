# Mistake: ignores the device argument, so the batch is always created on the CPU.
def make_image_batch(batch_size, channels, height, width, device="cpu"):
    return torch.zeros(batch_size, channels, height, width)
