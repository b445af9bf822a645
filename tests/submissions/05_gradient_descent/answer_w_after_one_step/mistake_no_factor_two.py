# Mistake: forgets the factor 2 of the squared error: dL/dw = mean(r * x) = -4, so w = 1 + 0.4.
answer_w_after_one_step = 1.4
