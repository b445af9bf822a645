# Alternative: None indexing inserts the new axis after the existing one.
v = torch.arange(5.0)
answer_column = v[:, None]
