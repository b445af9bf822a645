# Alternative: lengths > positions (the same comparison written the other way round), then reshape.
def padding_mask(lengths, max_len):
    keep = lengths.reshape(-1, 1) > torch.arange(max_len, device=lengths.device)
    return keep.reshape(-1, 1, 1, max_len)
