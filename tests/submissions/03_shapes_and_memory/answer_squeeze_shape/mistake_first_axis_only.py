# Mistake: thinks squeeze() removes only the first axis of size 1.
answer_squeeze_shape = (3, 1, 4)
