# Alternative: make the batch contiguous first (a no-op when it already is), then view with explicit sizes.
def flatten_images(batch):
    B, C, H, W = batch.shape
    return batch.contiguous().view(B, C * H * W)
