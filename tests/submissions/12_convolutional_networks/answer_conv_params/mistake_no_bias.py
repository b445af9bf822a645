# Mistake: counts the weights only, 16 * 3 * 5 * 5 = 1200, and forgets the 16 biases.
answer_conv_params = 1200
