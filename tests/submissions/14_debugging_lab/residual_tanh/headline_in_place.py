# Headline mistake: the broken h += x left in: it overwrites tanh's saved output, and backward raises.
def residual_tanh(x, layer):
    h = torch.tanh(layer(x))
    h += x
    return h
