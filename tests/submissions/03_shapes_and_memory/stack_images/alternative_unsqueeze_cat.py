# Alternative: give every image a batch axis of size 1 with unsqueeze(0), then cat along it.
def stack_images(images):
    return torch.cat([image.unsqueeze(0) for image in images], dim=0)
