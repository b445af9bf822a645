# Alternative: read off a real tensor's reduction, as a tuple.
answer_sum_shape = tuple(torch.zeros(4, 3, 5).sum(dim=1).shape)
