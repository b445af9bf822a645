# Mistake: loads with strict=False, so a checkpoint from a different architecture half-loads without an error.
def save_weights(model, path):
    torch.save(model.state_dict(), path)


def load_weights(model, path):
    state = torch.load(path, weights_only=True)
    model.load_state_dict({k: v for k, v in state.items() if k in model.state_dict()
                           and model.state_dict()[k].shape == v.shape}, strict=False)
    return model
