# Mistake: computes where each storage starts (the first element's address minus the offset, counted in
# bytes) and compares the starts. Right for views that PyTorch made of one tensor, but torch.from_numpy(arr)
# and torch.from_numpy(arr[2:]) have storages that start at different addresses over overlapping memory.
def shares_storage(a, b):
    start_a = a.data_ptr() - a.storage_offset() * a.element_size()
    start_b = b.data_ptr() - b.storage_offset() * b.element_size()
    return start_a == start_b
