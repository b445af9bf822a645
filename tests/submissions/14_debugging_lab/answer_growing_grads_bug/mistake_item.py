# Mistake: takes 'growing' for the memory growth of logging loss tensors (bug 9).
answer_growing_grads_bug = 9
