# Mistake: floor division, as if drop_last=True: 1000 // 64 = 15.
answer_num_batches = 1000 // 64
