# Alternative: bytes per element from an empty (0-element) tensor of that dtype, times math.prod(shape).
import math


def tensor_nbytes(shape, dtype):
    return torch.empty(0, dtype=dtype).element_size() * math.prod(shape)
