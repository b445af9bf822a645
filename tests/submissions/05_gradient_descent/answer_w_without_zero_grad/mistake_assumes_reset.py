# Mistake: assumes every backward() replaces w.grad, so both steps move w by 0.3 (the answer with zero_grad).
answer_w_without_zero_grad = 0.4
