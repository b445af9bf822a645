# Mistake: gives the new batch weight 0.9 (momentum applied to the old value).
answer_bn_running_stats = (0.9 * 3.0, 0.1 * 1.0 + 0.9 * 14 / 3)
