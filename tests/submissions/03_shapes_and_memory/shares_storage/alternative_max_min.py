# Alternative: two ranges [start, end) overlap when the later start comes before the earlier end.
def shares_storage(a, b):
    sa, sb = a.untyped_storage(), b.untyped_storage()
    return max(sa.data_ptr(), sb.data_ptr()) < min(sa.data_ptr() + sa.nbytes(), sb.data_ptr() + sb.nbytes())
