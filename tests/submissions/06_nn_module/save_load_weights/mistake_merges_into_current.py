# Mistake: merges the file into the model's current state_dict before loading; names the file lacks keep their
# old values instead of raising (missing keys go unnoticed).
def save_weights(model, path):
    torch.save(model.state_dict(), path)


def load_weights(model, path):
    merged = model.state_dict()
    merged.update(torch.load(path, map_location="cpu", weights_only=True))
    model.load_state_dict(merged)
    return model
