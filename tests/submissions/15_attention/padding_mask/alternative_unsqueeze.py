# Alternative: unsqueeze twice, and positions made with arange on lengths' device.
def padding_mask(lengths, max_len):
    keep = torch.arange(max_len, device=lengths.device).unsqueeze(0) < lengths.unsqueeze(1)
    return keep.unsqueeze(1).unsqueeze(1)
