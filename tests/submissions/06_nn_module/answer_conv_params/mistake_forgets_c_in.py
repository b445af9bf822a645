# Mistake: counts one 3 x 3 window per filter, 16 * (3 * 3 + 1), forgetting the 3 input channels.
answer_conv_params = 16 * (3 * 3 + 1)
