# Mistake: assumes every element takes 4 bytes (true only for 32-bit dtypes such as float32).
import math


def tensor_nbytes(shape, dtype):
    return math.prod(shape) * 4
