# Mistake: answers with the probability each class gets (1/10) instead of the loss -log(1/10).
answer_uniform_ce = 0.1
