# Mistake: adds in place into x instead, which changes the caller's tensor (and fails when x requires grad).
def residual_tanh(x, layer):
    h = torch.tanh(layer(x))
    x += h
    return x
