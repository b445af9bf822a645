# Mistake: adds the new axis with the in-place a.unsqueeze_(1) "to save a copy". The distances are right,
# but the caller's a now has shape (N, 1, D).
def pairwise_sq_distances(a, b):
    b = b[None]        # (1, M, D), a view of b
    a.unsqueeze_(1)    # (N, 1, D), in place: changes the caller's tensor
    return ((a - b) ** 2).sum(dim=-1)
