# Mistake: gives 1/a = 1/8, the learning rate that lands on the minimum in one step, not the stability limit 2/a.
answer_max_stable_lr = 0.125
