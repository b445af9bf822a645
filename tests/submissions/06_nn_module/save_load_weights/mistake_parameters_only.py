# Mistake: saves only named_parameters(), which leaves out the buffers (BatchNorm's running statistics), and
# loads with strict=False to silence the missing keys, so the loaded model normalises with the wrong statistics.
def save_weights(model, path):
    torch.save({name: p.detach() for name, p in model.named_parameters()}, path)


def load_weights(model, path):
    model.load_state_dict(torch.load(path, weights_only=True), strict=False)
    return model
