# Headline mistake: torch.cat joins the images along their channel axis, giving (B*C, H, W) instead of (B, C, H, W).
def stack_images(images):
    return torch.cat(images)
