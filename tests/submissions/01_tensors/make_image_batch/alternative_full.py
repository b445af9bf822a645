# Alternative: torch.full with the float fill value 0.0 (which gives float32).
def make_image_batch(batch_size, channels, height, width, device="cpu"):
    return torch.full((batch_size, channels, height, width), 0.0, device=device)
