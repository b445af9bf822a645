# Alternative: the same shape, computed with None indexing.
answer_unsqueeze_shape = tuple(torch.zeros(5)[None, :, None].shape)
