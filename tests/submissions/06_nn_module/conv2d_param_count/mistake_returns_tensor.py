# Mistake: multiplies out the kernel with torch.tensor(...).prod(), so the count is a 0-d tensor, not the
# Python int the docstring promises (the visible check accepts it; the hidden tests check the type).
def conv2d_param_count(c_in, c_out, k, bias=True):
    kernel = torch.tensor((k, k) if isinstance(k, int) else k)
    return c_out * (c_in * kernel.prod() + int(bias))
