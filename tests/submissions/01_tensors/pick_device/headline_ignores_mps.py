# Headline mistake: only knows about CUDA and the CPU, so an Apple-silicon Mac never uses its GPU.
def pick_device():
    return torch.device("cuda" if torch.cuda.is_available() else "cpu")
