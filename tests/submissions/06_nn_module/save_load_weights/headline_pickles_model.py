# Headline mistake: pickles the whole model with torch.save(model, path); torch.load(path, weights_only=True) refuses
# the file, and loading it at all needs weights_only=False and the same class under the same import path.
def save_weights(model, path):
    torch.save(model, path)


def load_weights(model, path):
    saved = torch.load(path, weights_only=False)
    model.load_state_dict(saved.state_dict())
    return model
