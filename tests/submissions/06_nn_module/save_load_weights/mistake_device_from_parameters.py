# Mistake: takes the map_location from next(model.parameters()), which raises StopIteration for a model
# that has buffers but no parameters, such as nn.BatchNorm1d(8, affine=False).
def save_weights(model, path):
    torch.save(model.state_dict(), path)


def load_weights(model, path):
    device = next(model.parameters()).device
    model.load_state_dict(torch.load(path, map_location=device, weights_only=True))
    return model
