# Mistake: computes the product positions first, (N, L, C_out), and reshapes it to (N, C_out, H_out, W_out) without
# moving the channel axis first: no error, scrambled values.
def conv2d_from_scratch(x, weight, bias=None, stride=1, padding=0):
    n, _, h, w = x.shape
    c_out, _, kh, kw = weight.shape
    h_out = (h + 2 * padding - kh) // stride + 1
    w_out = (w + 2 * padding - kw) // stride + 1
    cols = F.unfold(x, (kh, kw), padding=padding, stride=stride)
    out = (cols.transpose(1, 2) @ weight.reshape(c_out, -1).T).reshape(n, c_out, h_out, w_out)
    if bias is not None:
        out = out + bias.reshape(1, c_out, 1, 1)
    return out
