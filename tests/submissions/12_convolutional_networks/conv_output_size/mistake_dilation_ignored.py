# Mistake: the formula without dilation, floor((H + 2P - K) / S) + 1: right until dilation > 1.
def conv_output_size(h, kernel_size, stride=1, padding=0, dilation=1):
    return (h + 2 * padding - kernel_size) // stride + 1
