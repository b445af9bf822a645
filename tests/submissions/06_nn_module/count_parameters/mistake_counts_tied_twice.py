# Mistake: adds up each layer's own parameters, layer by layer; model.modules() lists a layer used twice only
# once, but a weight tied between two layers (an embedding and an output layer) is counted twice.
def count_parameters(model, trainable_only=False):
    total = 0
    for module in model.modules():
        for p in module.parameters(recurse=False):
            if p.requires_grad or not trainable_only:
                total += p.numel()
    return total
