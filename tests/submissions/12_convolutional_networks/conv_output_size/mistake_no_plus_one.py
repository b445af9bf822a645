# Mistake: forgets the + 1, counting the jumps between positions instead of the positions.
def conv_output_size(h, kernel_size, stride=1, padding=0, dilation=1):
    return (h + 2 * padding - dilation * (kernel_size - 1) - 1) // stride
