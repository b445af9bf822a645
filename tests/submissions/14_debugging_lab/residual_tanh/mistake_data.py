# Mistake: silences the error with h.data += x: backward runs on the overwritten output and the gradients are wrong.
def residual_tanh(x, layer):
    h = torch.tanh(layer(x))
    h.data += x
    return h
