# Mistake: multiplies the sigmoid's value at 0 (0.5) instead of its slope there (0.25): 0.5 ** 5.
answer_sigmoid_chain_factor = 0.5 ** 5
