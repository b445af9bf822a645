# Alternative: finds where each storage starts from the first element's address minus the offset (counted in
# bytes), and compares the byte ranges of the two storages.
def shares_storage(a, b):
    def byte_range(t):
        start = t.data_ptr() - t.storage_offset() * t.element_size()
        return start, start + t.untyped_storage().nbytes()

    (start_a, end_a), (start_b, end_b) = byte_range(a), byte_range(b)
    return start_a < end_b and start_b < end_a
