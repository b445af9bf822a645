# Alternative: torch.long is another name for torch.int64.
answer_default_int_dtype = torch.long
