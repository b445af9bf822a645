# Mistake: multiplies the jump by the layer's own stride before using it, so a layer's stride also scales its own kernel.
def receptive_field(layers):
    field, jump = 1, 1
    for kernel_size, stride in layers:
        jump *= stride
        field += (kernel_size - 1) * jump
    return field
