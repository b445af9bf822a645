# Mistake: adds a ".pt" extension when the name has none, so the file is not written at the path given.
def save_weights(model, path):
    path = str(path)
    if not path.endswith(".pt"):
        path += ".pt"
    torch.save(model.state_dict(), path)


def load_weights(model, path):
    path = str(path)
    if not path.endswith(".pt"):
        path += ".pt"
    model.load_state_dict(torch.load(path, map_location="cpu", weights_only=True))
    return model
