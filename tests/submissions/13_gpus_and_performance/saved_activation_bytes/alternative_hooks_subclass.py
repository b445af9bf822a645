# Alternative: a saved_tensors_hooks subclass that counts the bytes itself.
class _CountBytes(torch.autograd.graph.saved_tensors_hooks):
    def __init__(self):
        self.total = 0
        super().__init__(self._pack, lambda t: t)

    def _pack(self, t):
        self.total += t.numel() * t.element_size()
        return t


def saved_activation_bytes(model, x):
    counter = _CountBytes()
    with counter:
        model(x)
    return counter.total
