# Alternative: clones tanh's output first, so the in-place add touches a copy and the saved tensor stays intact.
def residual_tanh(x, layer):
    h = torch.tanh(layer(x)).clone()
    h += x
    return h
