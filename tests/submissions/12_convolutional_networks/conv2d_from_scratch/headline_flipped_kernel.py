# Headline mistake: the signal-processing convolution, which flips the kernel; PyTorch's conv2d does not flip it.
def conv2d_from_scratch(x, weight, bias=None, stride=1, padding=0):
    n, _, h, w = x.shape
    c_out, _, kh, kw = weight.shape
    h_out = (h + 2 * padding - kh) // stride + 1
    w_out = (w + 2 * padding - kw) // stride + 1
    cols = F.unfold(x, (kh, kw), padding=padding, stride=stride)
    out = (weight.flip(-2, -1).reshape(c_out, -1) @ cols).reshape(n, c_out, h_out, w_out)
    if bias is not None:
        out = out + bias.reshape(1, c_out, 1, 1)
    return out
