# Mistake: uses the biased batch variance (14 / 4 = 3.5) for the running variance.
answer_bn_running_stats = (0.3, 0.9 * 1.0 + 0.1 * 3.5)
