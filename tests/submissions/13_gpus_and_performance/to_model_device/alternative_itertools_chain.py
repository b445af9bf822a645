# Alternative: the first of the parameters and buffers, through itertools.chain.
import itertools


def to_model_device(model, batch):
    target = next(itertools.chain(model.parameters(), model.buffers())).device
    moved = {}
    for name, tensor in batch.items():
        moved[name] = tensor.to(device=target)
    return moved
