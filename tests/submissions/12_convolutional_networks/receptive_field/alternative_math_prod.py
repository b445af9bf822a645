# Alternative: a closed form, 1 + sum of (k_l - 1) times the product of the strides before layer l.
import math


def receptive_field(layers):
    strides = [stride for _, stride in layers]
    return 1 + sum((kernel_size - 1) * math.prod(strides[:i]) for i, (kernel_size, _) in enumerate(layers))
