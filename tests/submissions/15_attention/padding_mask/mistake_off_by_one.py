# Mistake: j <= length keeps one padding position too many.
def padding_mask(lengths, max_len):
    positions = torch.arange(max_len, device=lengths.device)
    return (positions <= lengths[:, None])[:, None, None, :]
