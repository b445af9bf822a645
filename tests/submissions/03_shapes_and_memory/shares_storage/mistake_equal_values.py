# Mistake: compares values, not memory; a clone has equal values but its own storage.
def shares_storage(a, b):
    return a.shape == b.shape and bool((a == b).all())
