# Mistake: unsqueeze(0) adds the axis in front and gives a row of shape (1, 5).
v = torch.arange(5.0)
answer_column = v.unsqueeze(0)
