# Alternative: a torch.Size, as w.shape returns.
answer_weights_shape = torch.Size([2, 5, 7])
