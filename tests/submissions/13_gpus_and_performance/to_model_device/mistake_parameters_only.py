# Mistake: reads only the parameters, so a model with buffers but no parameters raises StopIteration.
def to_model_device(model, batch):
    target = next(model.parameters()).device
    return {name: tensor.to(target) for name, tensor in batch.items()}
