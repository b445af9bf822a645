# Alternative: NumPy's np.broadcast_shapes applies the same rules to shapes alone and raises ValueError itself.
def broadcast_result_shape(shape_a, shape_b):
    return np.broadcast_shapes(tuple(shape_a), tuple(shape_b))
