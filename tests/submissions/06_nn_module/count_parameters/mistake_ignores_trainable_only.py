# Mistake: ignores trainable_only, so frozen parameters (requires_grad=False) are always counted.
def count_parameters(model, trainable_only=False):
    return sum(p.numel() for p in model.parameters())
