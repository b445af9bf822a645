# Alternative: compares key and query positions, j <= i, with arange on the device.
def causal_mask(L, device=None):
    i = torch.arange(L, device=device)
    return i[None, :] <= i[:, None]
