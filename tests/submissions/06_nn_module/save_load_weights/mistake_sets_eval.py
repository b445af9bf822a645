# Mistake: switches the model to evaluation mode after loading ("ready for inference"), changing
# model.training behind the caller's back (a model being fine-tuned would stop updating BatchNorm).
def save_weights(model, path):
    torch.save(model.state_dict(), path)


def load_weights(model, path):
    model.load_state_dict(torch.load(path, map_location="cpu", weights_only=True))
    return model.eval()
