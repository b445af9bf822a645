# Mistake: computes how many examples a 16th batch would lack (16 * 64 - 1000 = 24), not how many are dropped.
answer_skipped_examples = 16 * 64 - 1000
