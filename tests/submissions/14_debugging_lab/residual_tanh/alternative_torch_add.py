# Alternative: torch.add, out of place.
def residual_tanh(x, layer):
    return torch.add(x, torch.tanh(layer(x)))
