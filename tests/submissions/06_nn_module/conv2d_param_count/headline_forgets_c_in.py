# Headline mistake: treats each filter as a single K x K window, C_out * (K * K + 1), forgetting that every filter
# spans all C_in input channels.
def conv2d_param_count(c_in, c_out, k, bias=True):
    k_h, k_w = (k, k) if isinstance(k, int) else k
    return c_out * (k_h * k_w + (1 if bias else 0))
