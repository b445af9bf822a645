# Mistake: channels-last (B x H x W x C), the NumPy/PIL layout.
answer_batch_shape = (16, 28, 28, 3)
