# Mistake: skips the work when there is no NaN and returns x itself, so the caller's result and x are the same
# tensor: changing one changes the other.
def replace_nan(x, value):
    mask = torch.isnan(x)
    if not mask.any():
        return x
    return torch.where(mask, value, x)
