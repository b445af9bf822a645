# Alternative: counts the True entries of the mask, a 0-d int64 tensor.
answer_causal_pairs = torch.ones(8, 8, dtype=torch.bool).tril().sum()
