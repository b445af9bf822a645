# Mistake: a bare flatten() flattens every axis, the batch axis included, giving shape (B*C*H*W,).
def flatten_images(batch):
    return batch.flatten()
