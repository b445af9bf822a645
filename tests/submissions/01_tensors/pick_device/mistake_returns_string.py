# Mistake: returns the device's name as a str ("cuda", "mps", "cpu") instead of a torch.device.
def pick_device():
    if torch.cuda.is_available():
        return "cuda"
    if torch.backends.mps.is_available():
        return "mps"
    return "cpu"
