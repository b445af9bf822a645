# Mistake: aligns from the right correctly but takes the larger size in every position without checking
# compatibility, so (3,) with (4,) returns (4,) instead of raising ValueError.
def broadcast_result_shape(shape_a, shape_b):
    ndim = max(len(shape_a), len(shape_b))
    a = (1,) * (ndim - len(shape_a)) + tuple(shape_a)
    b = (1,) * (ndim - len(shape_b)) + tuple(shape_b)
    return tuple(size_b if size_a == 1 else size_a if size_b == 1 else max(size_a, size_b)
                 for size_a, size_b in zip(a, b))
