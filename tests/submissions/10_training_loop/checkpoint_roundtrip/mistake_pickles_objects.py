# Mistake: pickles the model, optimizer and scheduler objects themselves; resuming works, but only with
# weights_only=False, which runs code from the file.
def save_checkpoint(path, model, optimizer, scheduler, epoch):
    torch.save({"model": model, "optimizer": optimizer, "scheduler": scheduler, "epoch": epoch,
                "rng": torch.get_rng_state()}, path)


def load_checkpoint(path, model, optimizer, scheduler):
    state = torch.load(path, map_location="cpu", weights_only=False)
    model.load_state_dict(state["model"].state_dict())
    optimizer.load_state_dict(state["optimizer"].state_dict())
    scheduler.load_state_dict(state["scheduler"].state_dict())
    torch.set_rng_state(state["rng"])
    return state["epoch"]
