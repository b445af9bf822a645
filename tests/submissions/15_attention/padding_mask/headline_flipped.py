# Headline mistake: True on the padding (nn.MultiheadAttention's key_padding_mask convention), not on real tokens.
def padding_mask(lengths, max_len):
    positions = torch.arange(max_len, device=lengths.device)
    return (positions >= lengths[:, None])[:, None, None, :]
