# Alternative: writes and reads through open file objects, with map_location=torch.device("cpu") and strict=True spelled out.
def save_checkpoint(path, model, optimizer, epoch):
    checkpoint = {"model": model.state_dict(), "optimizer": optimizer.state_dict(), "epoch": int(epoch)}
    with open(path, "wb") as f:
        torch.save(checkpoint, f)


def load_checkpoint(path, model, optimizer):
    with open(path, "rb") as f:
        checkpoint = torch.load(f, map_location=torch.device("cpu"), weights_only=True)
    model.load_state_dict(checkpoint["model"], strict=True)
    optimizer.load_state_dict(checkpoint["optimizer"])
    return int(checkpoint["epoch"])
