# Mistake: returns the mean of the timed calls, which one outlier moves, instead of the median.
def time_it(fn, warmup=3, repeats=10, device=None):
    on_cuda = device is not None and torch.device(device).type == "cuda"
    for _ in range(warmup):
        fn()
    if on_cuda:
        torch.cuda.synchronize(device)
    total = 0.0
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        if on_cuda:
            torch.cuda.synchronize(device)
        total += time.perf_counter() - start
    return total / repeats
