# Mistake: adds the two kernel sizes, 3 + 3 = 6, ignoring that neighbouring windows overlap.
answer_two_conv_field = 6
