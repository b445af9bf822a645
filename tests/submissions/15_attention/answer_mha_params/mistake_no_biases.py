# Mistake: counts the four weight matrices but forgets the biases (4 * 32 * 32).
answer_mha_params = 4096
