# Alternative: from the output unit down to the input: one unit needs (r - 1) * s + k units of the layer below.
def receptive_field(layers):
    field = 1
    for kernel_size, stride in reversed(layers):
        field = (field - 1) * stride + kernel_size
    return field
