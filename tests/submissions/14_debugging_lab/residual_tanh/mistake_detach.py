# Mistake: detaches tanh's output to make the in-place add legal, which cuts the layer out of the graph.
def residual_tanh(x, layer):
    h = torch.tanh(layer(x)).detach()
    h += x
    return h
