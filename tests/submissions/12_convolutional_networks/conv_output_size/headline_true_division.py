# Headline mistake: divides with / instead of rounding down, so the size is a float such as 14.5 (or 28.0).
def conv_output_size(h, kernel_size, stride=1, padding=0, dilation=1):
    return (h + 2 * padding - dilation * (kernel_size - 1) - 1) / stride + 1
