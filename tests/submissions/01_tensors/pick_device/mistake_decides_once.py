# Mistake: decides the device once, when the cell runs, and returns that answer ever after; a notebook
# opened on another machine (or the tests' pretend machines) still gets the first machine's device.
_BEST = torch.device("cuda" if torch.cuda.is_available() else "mps" if torch.backends.mps.is_available() else "cpu")


def pick_device():
    return _BEST
