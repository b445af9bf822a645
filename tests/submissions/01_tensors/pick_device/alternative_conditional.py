# Alternative: handles the "no CUDA" case first, with a conditional expression for MPS or CPU.
def pick_device():
    if not torch.cuda.is_available():
        return torch.device("mps" if torch.backends.mps.is_available() else "cpu")
    return torch.device("cuda")
