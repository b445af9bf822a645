# Mistake: assumes the second backward() overwrites x.grad, so answers dy/dx = 3.
answer_grad_after_two_backwards = 3.0
