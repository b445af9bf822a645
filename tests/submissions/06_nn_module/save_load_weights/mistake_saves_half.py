# Mistake: saves every tensor in half precision to make the file smaller; the file no longer holds the
# state_dict (float16 weights, and BatchNorm's int64 num_batches_tracked turned into a float).
def save_weights(model, path):
    torch.save({name: t.half() for name, t in model.state_dict().items()}, path)


def load_weights(model, path):
    model.load_state_dict(torch.load(path, map_location="cpu", weights_only=True))
    return model
