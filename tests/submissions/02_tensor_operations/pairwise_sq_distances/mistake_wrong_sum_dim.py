# Mistake: builds the (N, M, D) differences correctly but sums over dim=1 (the points of b)
# instead of the last axis (the features).
def pairwise_sq_distances(a, b):
    diff = a[:, None, :] - b[None, :, :]
    return (diff ** 2).sum(dim=1)
