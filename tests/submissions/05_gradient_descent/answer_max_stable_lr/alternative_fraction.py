# Alternative: writes the answer as the formula 2 / f''(w), with f''(w) = 8.
answer_max_stable_lr = 2 / 8
