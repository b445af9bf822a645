# Mistake: takes a = 4 from f(w) = 4 w**2, forgetting that f'(w) = 8w (f = a/2 w**2 with a = 8): 2/4 = 0.5.
answer_max_stable_lr = 0.5
