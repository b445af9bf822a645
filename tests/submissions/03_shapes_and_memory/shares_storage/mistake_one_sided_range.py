# Mistake: only asks whether b's storage starts inside a's, so the answer depends on the argument order:
# shares_storage(from_numpy(arr[2:]), from_numpy(arr)) gives False.
def shares_storage(a, b):
    start_a, start_b = a.untyped_storage().data_ptr(), b.untyped_storage().data_ptr()
    return start_a <= start_b < start_a + a.untyped_storage().nbytes()
