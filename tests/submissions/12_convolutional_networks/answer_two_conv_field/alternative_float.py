# Alternative: the same answer as a float, computed as 3 + (3 - 1).
answer_two_conv_field = 3.0 + (3 - 1)
