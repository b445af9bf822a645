# Alternative: next(..., None) on the parameters, falling back to the buffers.
def to_model_device(model, batch):
    first = next(model.parameters(), None)
    if first is None:
        first = next(model.buffers())
    return dict((k, v.to(first.device)) for k, v in batch.items())
