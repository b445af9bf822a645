# Mistake: compares the device with the string "cuda", which an indexed torch.device("cuda", 1) never equals.
def time_it(fn, warmup=3, repeats=10, device=None):
    for _ in range(warmup):
        fn()
    if device == "cuda":
        torch.cuda.synchronize()
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        if device == "cuda":
            torch.cuda.synchronize()
        times.append(time.perf_counter() - start)
    return float(statistics.median(times))
