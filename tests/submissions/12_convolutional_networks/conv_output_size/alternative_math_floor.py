# Alternative: the effective kernel span first, then math.floor of a true division (math.floor returns an int).
import math


def conv_output_size(h, kernel_size, stride=1, padding=0, dilation=1):
    span = dilation * (kernel_size - 1) + 1
    return math.floor((h + 2 * padding - span) / stride) + 1
