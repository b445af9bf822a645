# Mistake: int32 is NumPy's default integer on some platforms, but PyTorch uses int64.
answer_default_int_dtype = torch.int32
