# Headline mistake: adds k - 1 per layer and ignores the strides, so a pooling layer does not widen later layers' steps.
def receptive_field(layers):
    return 1 + sum(kernel_size - 1 for kernel_size, stride in layers)
