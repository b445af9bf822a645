# Mistake: makes x require grad "so that autograd records", which changes the caller's x and what is saved.
def saved_activation_bytes(model, x):
    x.requires_grad_(True)
    total = 0

    def pack(t):
        nonlocal total
        total += t.numel() * t.element_size()
        return t

    with torch.autograd.graph.saved_tensors_hooks(pack, lambda t: t):
        model(x)
    return total
