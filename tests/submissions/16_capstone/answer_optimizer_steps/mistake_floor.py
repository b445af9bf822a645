# Mistake: counts only the full batches (1400 // 64 = 21), forgetting the last batch of 56.
answer_optimizer_steps = 8 * (1400 // 64)
