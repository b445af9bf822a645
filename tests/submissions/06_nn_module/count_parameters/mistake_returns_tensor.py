# Mistake: multiplies out each shape with torch.tensor(p.shape).prod(), so the sum is a 0-d tensor, not the
# Python int the docstring promises.
def count_parameters(model, trainable_only=False):
    return sum(torch.tensor(p.shape).prod() for p in model.parameters() if p.requires_grad or not trainable_only)
