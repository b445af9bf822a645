# Alternative: saves CPU copies of the state_dict entries (a checkpoint that loads anywhere), and loads with
# map_location="cpu"; load_state_dict copies the values onto the model's own device.
def save_weights(model, path):
    torch.save({name: t.detach().cpu() for name, t in model.state_dict().items()}, path)


def load_weights(model, path):
    state = torch.load(path, map_location="cpu", weights_only=True)
    result = model.load_state_dict(state, strict=True)
    assert not result.missing_keys and not result.unexpected_keys
    return model
