# Mistake: assigns the moved tensors back into the caller's dict and returns it.
def to_model_device(model, batch):
    target = next(model.parameters()).device
    for name in batch:
        batch[name] = batch[name].to(target)
    return batch
