# Alternative: walks a list of (device name, availability check) pairs in order of preference.
def pick_device():
    candidates = [
        ("cuda", torch.cuda.is_available),
        ("mps", torch.backends.mps.is_available),
    ]
    for name, is_available in candidates:
        if is_available():
            return torch.device(name)
    return torch.device("cpu")
