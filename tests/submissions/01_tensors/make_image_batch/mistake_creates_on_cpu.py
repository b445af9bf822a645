# Mistake: makes the batch on the CPU, then moves it with .to(device). Right for small batches, but it
# allocates the whole batch on the CPU first, which fails for a batch larger than the CPU's memory.
def make_image_batch(batch_size, channels, height, width, device="cpu"):
    return torch.zeros(batch_size, channels, height, width).to(device)
