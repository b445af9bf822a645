# Mistake: multiplies the last two axes correctly but forgets the batch axis that W is broadcast over.
answer_matmul_shape = (5, 2)
