# Alternative: synchronises before starting the clock and after each call, and uses torch.tensor(...).quantile.
def time_it(fn, warmup=3, repeats=10, device=None):
    sync = device is not None and torch.device(device).type == "cuda"
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(repeats):
        if sync:
            torch.cuda.synchronize(device)
        start = time.perf_counter()
        fn()
        if sync:
            torch.cuda.synchronize(device)
        times.append(time.perf_counter() - start)
    return torch.tensor(times, dtype=torch.float64).quantile(0.5).item()
