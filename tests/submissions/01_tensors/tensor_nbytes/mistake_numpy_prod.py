# Mistake: np.prod returns a NumPy number, not a Python int (and the float 1.0 for the empty shape ()),
# so the byte count is a numpy.int64 or numpy.float64.
def tensor_nbytes(shape, dtype):
    return np.prod(shape) * dtype.itemsize
