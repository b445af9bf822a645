# Mistake: the averaging cheat-sheet rule, v <- 0.9 v + 0.1 g from v = 0: 0.2, then 0.9 * 0.2 + 0.1 * 1.
answer_momentum_buffer = 0.28
