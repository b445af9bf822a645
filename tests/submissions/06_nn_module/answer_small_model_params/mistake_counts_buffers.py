# Mistake: counts BatchNorm's running mean and variance (buffers) as parameters: 220 + 80 + 100.
answer_small_model_params = 220 + 4 * 20 + 100
