# Mistake: decides whether to synchronise from torch.cuda.is_available(), not from the device it was given.
def time_it(fn, warmup=3, repeats=10, device=None):
    for _ in range(warmup):
        fn()
    if torch.cuda.is_available():
        torch.cuda.synchronize()
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        if torch.cuda.is_available():
            torch.cuda.synchronize()
        times.append(time.perf_counter() - start)
    return float(statistics.median(times))
