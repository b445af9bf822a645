# Alternative: NumPy's private Generator (np.random.default_rng), which leaves NumPy's global state alone too.
def split_dataset(dataset, n_val, seed):
    order = np.random.default_rng(seed).permutation(len(dataset)).tolist()
    n_train = len(dataset) - n_val
    return [Subset(dataset, order[:n_train]), Subset(dataset, order[n_train:])]
