# Alternative: the answer as a fraction, 1/40 (a float all the same).
answer_steplr_lr = 1 / 40
