# Mistake: .T of a 1-d tensor returns it unchanged, shape (5,), not a column.
v = torch.arange(5.0)
answer_column = v.T
