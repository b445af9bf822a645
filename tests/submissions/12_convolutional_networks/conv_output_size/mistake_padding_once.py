# Mistake: counts the padding once (H + P) instead of on both sides (H + 2P): right only when padding is 0.
def conv_output_size(h, kernel_size, stride=1, padding=0, dilation=1):
    return (h + padding - dilation * (kernel_size - 1) - 1) // stride + 1
