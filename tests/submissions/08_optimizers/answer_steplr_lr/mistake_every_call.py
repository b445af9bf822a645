# Mistake: thinks StepLR multiplies by gamma at every call: 0.1 * 0.5 ** 7.
answer_steplr_lr = 0.1 * 0.5 ** 7
