# Mistake: forgets the + 1 in the last convolution's size: floor((14 + 2 - 3) / 2) = 6.
answer_stack_shape = (4, 16, 6, 6)
