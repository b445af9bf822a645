# Alternative: |a - b|^2 = |a|^2 + |b|^2 - 2 a.b, with one matrix product (memory O(N*M), not O(N*M*D)).
def pairwise_sq_distances(a, b):
    a_sq = (a ** 2).sum(dim=1, keepdim=True)   # (N, 1)
    b_sq = (b ** 2).sum(dim=1)                 # (M,)
    return a_sq + b_sq - 2 * a @ b.T
