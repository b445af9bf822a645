# Mistake: np.median returns np.float64, not a Python float.
import numpy as np


def time_it(fn, warmup=3, repeats=10, device=None):
    on_cuda = device is not None and torch.device(device).type == "cuda"
    for _ in range(warmup):
        fn()
    if on_cuda:
        torch.cuda.synchronize(device)
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        if on_cuda:
            torch.cuda.synchronize(device)
        times.append(time.perf_counter() - start)
    return np.median(times)
