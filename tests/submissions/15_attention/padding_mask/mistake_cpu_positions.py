# Mistake: creates the positions on the CPU, so the mask is not on lengths' device.
def padding_mask(lengths, max_len):
    keep = torch.arange(max_len) < lengths.cpu()[:, None]
    return keep.view(len(lengths), 1, 1, max_len)
