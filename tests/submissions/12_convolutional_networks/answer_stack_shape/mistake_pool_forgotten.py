# Mistake: forgets that MaxPool2d(2) halves the size: 28 -> floor((28 + 2 - 3) / 2) + 1 = 14.
answer_stack_shape = (4, 16, 14, 14)
