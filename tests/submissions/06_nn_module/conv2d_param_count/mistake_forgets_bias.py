# Mistake: counts only the filter weights, C_out * C_in * K * K, and forgets the one bias per output channel.
def conv2d_param_count(c_in, c_out, k, bias=True):
    k_h, k_w = (k, k) if isinstance(k, int) else k
    return c_out * c_in * k_h * k_w
