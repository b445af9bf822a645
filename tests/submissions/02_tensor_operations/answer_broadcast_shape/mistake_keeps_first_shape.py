# Mistake: assumes the result keeps the shape of the tensor with more dimensions, so the size-1 axis
# in the middle is not stretched to 3.
answer_broadcast_shape = (5, 1, 4)
