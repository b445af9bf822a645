# Mistake: runs the forward pass under torch.no_grad(), where autograd saves nothing (always 0).
def saved_activation_bytes(model, x):
    total = 0

    def pack(t):
        nonlocal total
        total += t.numel() * t.element_size()
        return t

    with torch.no_grad(), torch.autograd.graph.saved_tensors_hooks(pack, lambda t: t):
        model(x)
    return total
