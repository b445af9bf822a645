# Headline mistake: pads the shorter shape on the right (aligns the shapes from the left), so (3,) with (3, 1)
# gives (3, 1) instead of (3, 3), and (5, 3, 4) with (4,) raises.
def broadcast_result_shape(shape_a, shape_b):
    ndim = max(len(shape_a), len(shape_b))
    a = tuple(shape_a) + (1,) * (ndim - len(shape_a))
    b = tuple(shape_b) + (1,) * (ndim - len(shape_b))
    result = []
    for size_a, size_b in zip(a, b):
        if size_a != size_b and 1 not in (size_a, size_b):
            raise ValueError(f"cannot broadcast {size_a} with {size_b}")
        result.append(size_b if size_a == 1 else size_a)
    return tuple(result)
