# Mistake: patience off by one: waits for 3 worse epochs, so it reaches the new best 0.63 at epoch 6 and stops
# after epoch 8.
answer_early_stop_epoch = 6
