# Alternative: built from the lengths with arange, as a bool tensor.
answer_key_padding_mask = torch.arange(4) >= torch.tensor([3, 1])[:, None]
