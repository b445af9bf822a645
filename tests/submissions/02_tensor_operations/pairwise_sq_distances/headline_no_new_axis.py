# Headline mistake: subtracts a - b directly, which pairs row i of a only with row i of b (an error when
# N != M, a wrong (N,) result when N == M).
def pairwise_sq_distances(a, b):
    return ((a - b) ** 2).sum(dim=1)
