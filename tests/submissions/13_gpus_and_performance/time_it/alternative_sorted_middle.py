# Alternative: the median by hand from the sorted times; the device type read with getattr or from the string.
def time_it(fn, warmup=3, repeats=10, device=None):
    kind = getattr(device, "type", None) or (str(device).split(":")[0] if device is not None else None)
    for _ in range(warmup):
        fn()
    if kind == "cuda":
        torch.cuda.synchronize()
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        if kind == "cuda":
            torch.cuda.synchronize()
        times.append(time.perf_counter() - t0)
    times.sort()
    mid = len(times) // 2
    return times[mid] if len(times) % 2 else (times[mid - 1] + times[mid]) / 2
