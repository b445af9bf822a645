# Alternative: computes where each storage starts from the first element's address minus the offset
# (storage_offset() counts elements, so multiply by the element size in bytes).
def shares_storage(a, b):
    start_a = a.data_ptr() - a.storage_offset() * a.element_size()
    start_b = b.data_ptr() - b.storage_offset() * b.element_size()
    return start_a == start_b
