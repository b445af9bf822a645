# Mistake: the sum of the two ranks' gradients instead of their average.
answer_ddp_grad = 0.6 + 1.0
