# Mistake: a 5x5 kernel per output channel, forgetting that each kernel spans all 3 input channels: 16 * (25 + 1).
answer_conv_params = 416
