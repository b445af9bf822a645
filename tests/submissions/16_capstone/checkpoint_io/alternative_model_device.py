# Alternative: maps the checkpoint straight onto the device of the model's parameters.
def save_checkpoint(path, model, optimizer, epoch):
    torch.save(dict(model=model.state_dict(), optimizer=optimizer.state_dict(), epoch=epoch), path)


def load_checkpoint(path, model, optimizer):
    target = next(model.parameters()).device
    state = torch.load(path, map_location=target, weights_only=True)
    model.load_state_dict(state["model"])
    optimizer.load_state_dict(state["optimizer"])
    return state["epoch"]
