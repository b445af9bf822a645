# Mistake: loads with assign=True, which swaps the file's tensors into the model instead of copying the values
# into its own: an optimizer built before loading keeps updating the old tensors.
def save_weights(model, path):
    torch.save(model.state_dict(), path)


def load_weights(model, path):
    model.load_state_dict(torch.load(path, map_location="cpu", weights_only=True), assign=True)
    return model
