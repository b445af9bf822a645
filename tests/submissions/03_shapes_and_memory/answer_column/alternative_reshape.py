# Alternative: reshape with -1 for the number of rows.
v = torch.arange(5.0)
answer_column = v.reshape(-1, 1)
