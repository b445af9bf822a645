# Mistake: returns shape (B, max_len), which does not broadcast against scores (B, H, L_q, L_k).
def padding_mask(lengths, max_len):
    return torch.arange(max_len, device=lengths.device) < lengths[:, None]
