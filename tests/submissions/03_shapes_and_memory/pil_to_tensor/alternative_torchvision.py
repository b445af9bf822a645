# Alternative: torchvision's to_tensor does exactly this conversion for H x W x C uint8 arrays.
from torchvision.transforms.functional import to_tensor


def pil_to_tensor(array):
    return to_tensor(array)
