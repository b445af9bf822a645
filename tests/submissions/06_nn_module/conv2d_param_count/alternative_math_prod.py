# Alternative: math.prod over the kernel's sides, and the biases added as c_out when bias is true.
import math


def conv2d_param_count(c_in, c_out, k, bias=True):
    kernel = (k, k) if isinstance(k, int) else tuple(k)
    return c_out * c_in * math.prod(kernel) + (c_out if bias else 0)
