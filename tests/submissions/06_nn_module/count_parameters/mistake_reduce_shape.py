# Mistake: multiplies out each shape with functools.reduce and no initial value, which fails for a 0-d
# parameter (a learned scalar), whose shape () is empty.
import functools
import operator


def count_parameters(model, trainable_only=False):
    return sum(functools.reduce(operator.mul, p.shape) for p in model.parameters()
               if p.requires_grad or not trainable_only)
