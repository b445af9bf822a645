# Alternative: computes the shape with pad_sequence; a torch.Size is a tuple of ints.
answer_padded_shape = pad_sequence([torch.zeros(n, 8) for n in (7, 3, 9, 5)], batch_first=True).shape
