# Mistake: thinks indexing with an integer keeps the channel axis with size 1.
answer_channel_shape = (8, 1, 32, 32)
