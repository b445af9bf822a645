# Mistake: counts only the weight matrix, 784 * 128, and forgets the 128 biases.
answer_linear_params = 784 * 128
