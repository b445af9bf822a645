# Mistake: treats the byte ranges as closed, [start, end], so two storages that only touch (one ends where
# the other starts, from_numpy(arr[:2]) and from_numpy(arr[2:])) count as overlapping.
def shares_storage(a, b):
    sa, sb = a.untyped_storage(), b.untyped_storage()
    return sa.data_ptr() <= sb.data_ptr() + sb.nbytes() and sb.data_ptr() <= sa.data_ptr() + sa.nbytes()
