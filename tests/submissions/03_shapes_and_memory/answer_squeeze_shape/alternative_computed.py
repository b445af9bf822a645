# Alternative: runs the expression.
answer_squeeze_shape = tuple(torch.zeros(1, 3, 1, 4).squeeze().shape)
