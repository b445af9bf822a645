# Alternative: builds the layer on the meta device (shapes only, no memory) and counts its parameters.
def conv2d_param_count(c_in, c_out, k, bias=True):
    layer = nn.Conv2d(c_in, c_out, k, bias=bias, device="meta")
    return sum(p.numel() for p in layer.parameters())
