# Alternative: the right shape written as a list.
answer_channels_last_shape = [8, 32, 32, 3]
