# Mistake: counts the weights and forgets the biases.
answer_wide_cnn_params = 32 * 1 * 9 + 64 * 32 * 9 + 1024 * 64 + 64 * 10
