# Alternative: clone first, then masked assignment on the copy; x != x is True exactly at NaNs.
def replace_nan(x, value):
    out = x.clone()
    out[out != out] = value
    return out
