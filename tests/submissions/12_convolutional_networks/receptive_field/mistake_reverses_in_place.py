# Mistake: the top-down recursion r = (r - 1) * s + k, but it reverses the caller's list in place with list.reverse().
def receptive_field(layers):
    layers.reverse()
    field = 1
    for kernel_size, stride in layers:
        field = (field - 1) * stride + kernel_size
    return field
