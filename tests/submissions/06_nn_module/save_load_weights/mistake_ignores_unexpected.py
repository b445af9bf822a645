# Mistake: keeps only the names the model knows before a strict load; missing names still raise, but a file
# with extra names (from another, larger architecture) loads without a word.
def save_weights(model, path):
    torch.save(model.state_dict(), path)


def load_weights(model, path):
    state = torch.load(path, map_location="cpu", weights_only=True)
    known = model.state_dict()
    model.load_state_dict({name: t for name, t in state.items() if name in known})
    return model
