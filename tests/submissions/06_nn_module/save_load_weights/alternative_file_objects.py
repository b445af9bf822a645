# Alternative: writes and reads through open file objects, with the classic
# map_location=lambda storage, location: storage (every tensor stays on the CPU), and strict=True spelled out.
def save_weights(model, path):
    with open(path, "wb") as f:
        torch.save(model.state_dict(), f)


def load_weights(model, path):
    with open(path, "rb") as f:
        state = torch.load(f, map_location=lambda storage, location: storage, weights_only=True)
    model.load_state_dict(state, strict=True)
    return model
