# Headline mistake: counts the bytes of the parameters instead of the tensors saved for backward.
def saved_activation_bytes(model, x):
    model(x)
    return sum(p.numel() * p.element_size() for p in model.parameters())
