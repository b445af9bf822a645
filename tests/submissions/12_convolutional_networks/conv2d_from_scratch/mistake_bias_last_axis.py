# Mistake: adds the bias with plain broadcasting, out + bias, which lines it up with the last axis (the width)
# instead of the channel axis: a shape error, or silently wrong when W_out == C_out.
def conv2d_from_scratch(x, weight, bias=None, stride=1, padding=0):
    n, _, h, w = x.shape
    c_out, _, kh, kw = weight.shape
    h_out = (h + 2 * padding - kh) // stride + 1
    w_out = (w + 2 * padding - kw) // stride + 1
    cols = F.unfold(x, (kh, kw), padding=padding, stride=stride)
    out = (weight.reshape(c_out, -1) @ cols).reshape(n, c_out, h_out, w_out)
    if bias is not None:
        out = out + bias
    return out
