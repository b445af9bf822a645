# Alternative: the bug's key instead of its number.
answer_growing_grads_bug = "zero_grad"
