# Mistake: loads without map_location, so each tensor goes back to the device it was saved from: a file
# saved on a GPU fails to load on a machine without that GPU.
def save_weights(model, path):
    torch.save(model.state_dict(), path)


def load_weights(model, path):
    model.load_state_dict(torch.load(path, weights_only=True))
    return model
