# Alternative: the shape as a torch.Size (a tuple subclass), read off a real batch.
answer_batch_shape = torch.zeros(16, 3, 28, 28).shape
