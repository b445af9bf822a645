# Mistake: pickles the model and optimizer objects, so the file only loads with weights_only=False (code from the file).
def save_checkpoint(path, model, optimizer, epoch):
    torch.save({"model": model, "optimizer": optimizer, "epoch": epoch}, path)


def load_checkpoint(path, model, optimizer):
    state = torch.load(path, map_location="cpu", weights_only=False)
    if isinstance(state["model"], nn.Module):
        model.load_state_dict(state["model"].state_dict())
        optimizer.load_state_dict(state["optimizer"].state_dict())
    else:
        model.load_state_dict(state["model"])
        optimizer.load_state_dict(state["optimizer"])
    return state["epoch"]
