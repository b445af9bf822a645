# Alternative: walks both shapes from the right with itertools.zip_longest (missing sizes count as 1)
# and returns a list, built backwards.
from itertools import zip_longest


def broadcast_result_shape(shape_a, shape_b):
    result = []
    for size_a, size_b in zip_longest(reversed(shape_a), reversed(shape_b), fillvalue=1):
        if size_a != size_b and size_a != 1 and size_b != 1:
            raise ValueError(f"incompatible sizes {size_a} and {size_b}")
        result.insert(0, size_b if size_a == 1 else size_a)
    return result
