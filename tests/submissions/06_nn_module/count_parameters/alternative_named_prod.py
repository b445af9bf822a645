# Alternative: walks named_parameters() and multiplies out each shape with math.prod.
import math


def count_parameters(model, trainable_only=False):
    total = 0
    for _name, p in model.named_parameters():
        if trainable_only and not p.requires_grad:
            continue
        total += math.prod(p.shape)
    return total
