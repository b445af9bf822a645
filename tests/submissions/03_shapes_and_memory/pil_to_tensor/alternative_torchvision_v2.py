# Alternative: torchvision's v2 API: to_image gives a C x H x W uint8 Image (a torch.Tensor subclass), and
# to_dtype(..., scale=True) turns it into float32 in [0, 1].
import numpy as np
from torchvision.transforms.v2 import functional as F


def pil_to_tensor(array):
    return F.to_dtype(F.to_image(np.ascontiguousarray(array)), torch.float32, scale=True)
