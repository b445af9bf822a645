# Headline mistake: no warm-up calls, so the slow first calls (lazy initialisation) are timed.
def time_it(fn, warmup=3, repeats=10, device=None):
    on_cuda = device is not None and torch.device(device).type == "cuda"
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        if on_cuda:
            torch.cuda.synchronize(device)
        times.append(time.perf_counter() - start)
    return float(statistics.median(times))
