# Mistake: differentiates the sum of squared errors instead of the mean: dL/dw = -16, so w = 1 + 1.6.
answer_w_after_one_step = 2.6
