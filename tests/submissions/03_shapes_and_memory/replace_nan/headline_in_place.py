# Headline mistake: masked assignment writes into x itself, so the caller's tensor changes (and is returned).
def replace_nan(x, value):
    x[torch.isnan(x)] = value
    return x
