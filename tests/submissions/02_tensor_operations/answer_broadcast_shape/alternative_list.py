# Alternative: the right shape written as a list.
answer_broadcast_shape = [5, 3, 4]
