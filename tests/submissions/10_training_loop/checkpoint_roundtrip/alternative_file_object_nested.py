# Alternative: writes through an open file object, nests the states under other key names, uses torch.random's RNG
# functions and saves CUDA's RNG states unconditionally (an empty list without CUDA).
def save_checkpoint(path, model, optimizer, scheduler, epoch):
    payload = {
        "states": {"net": model.state_dict(), "opt": optimizer.state_dict(), "lr_schedule": scheduler.state_dict()},
        "progress": {"epochs_done": int(epoch)},
        "random": {"torch": torch.random.get_rng_state(),
                   "cuda": torch.cuda.get_rng_state_all() if torch.cuda.is_available() else []},
    }
    with open(path, "wb") as f:
        torch.save(payload, f)


def load_checkpoint(path, model, optimizer, scheduler):
    with open(path, "rb") as f:
        payload = torch.load(f, map_location=torch.device("cpu"), weights_only=True)
    states = payload["states"]
    model.load_state_dict(states["net"], strict=True)
    optimizer.load_state_dict(states["opt"])
    scheduler.load_state_dict(states["lr_schedule"])
    torch.random.set_rng_state(payload["random"]["torch"])
    if payload["random"]["cuda"]:
        torch.cuda.set_rng_state_all(payload["random"]["cuda"])
    return payload["progress"]["epochs_done"]
