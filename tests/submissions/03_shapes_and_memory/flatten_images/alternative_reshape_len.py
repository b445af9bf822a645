# Alternative: reshape with the batch size from len() and -1 for the rest (copies only when needed).
def flatten_images(batch):
    return batch.reshape(len(batch), -1)
