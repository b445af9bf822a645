# Alternative: allocates with torch.empty on the device, then fills it with zeros in place.
def make_image_batch(batch_size, channels, height, width, device="cpu"):
    batch = torch.empty((batch_size, channels, height, width), dtype=torch.float32, device=device)
    return batch.zero_()
