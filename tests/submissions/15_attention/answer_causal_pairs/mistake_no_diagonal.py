# Mistake: leaves out the diagonal (a query attending to itself): 8 * 7 / 2.
answer_causal_pairs = 28
