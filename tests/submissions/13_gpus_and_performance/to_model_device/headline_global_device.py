# Headline mistake: moves the batch to the notebook's global `device` (the CPU here), not to where the model is.
def to_model_device(model, batch):
    return {name: tensor.to(device) for name, tensor in batch.items()}
