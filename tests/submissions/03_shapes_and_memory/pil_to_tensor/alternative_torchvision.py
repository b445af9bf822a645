# Alternative: torchvision's to_tensor does exactly this conversion for H x W x C uint8 arrays (given a
# contiguous array: it raises on negative strides too).
import numpy as np
from torchvision.transforms.functional import to_tensor


def pil_to_tensor(array):
    return to_tensor(np.ascontiguousarray(array))
