# Mistake: keeps the reduced axis as if keepdim=True had been passed.
answer_sum_shape = (4, 1, 5)
