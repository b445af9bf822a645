# Alternative: runs the expression and reads off the torch.Size (a tuple subclass).
answer_flat_shape = torch.zeros(8, 3, 32, 32).view(8, -1).shape
