# Mistake: the default batch_first=False layout (L_max, B, F).
answer_padded_shape = (9, 4, 8)
