# Mistake: compares where the two storages start. Right for views that PyTorch made of one tensor, but two
# from_numpy tensors over overlapping parts of one array (arr and arr[2:]) each have their own storage, starting
# at different addresses, and still share memory.
def shares_storage(a, b):
    return a.untyped_storage().data_ptr() == b.untyped_storage().data_ptr()
