# Alternative: maps the file onto the model's own device, found from its parameters or buffers (the CPU for a
# model with neither).
def save_weights(model, path):
    torch.save(model.state_dict(), path)


def load_weights(model, path):
    tensors = list(model.parameters()) + list(model.buffers())
    device = tensors[0].device if tensors else torch.device("cpu")
    model.load_state_dict(torch.load(path, map_location=device, weights_only=True))
    return model
