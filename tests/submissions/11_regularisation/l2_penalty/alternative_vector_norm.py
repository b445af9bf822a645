# Alternative: squared torch.linalg.vector_norm of each tensor, stacked and summed, times lambda / 2.
def l2_penalty(params, weight_decay):
    squares = torch.stack([torch.linalg.vector_norm(p) ** 2 for p in params])
    return 0.5 * weight_decay * squares.sum()
