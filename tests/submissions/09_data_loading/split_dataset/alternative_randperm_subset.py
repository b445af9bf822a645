# Alternative: a seeded permutation cut by hand into two Subsets (validation first this time), returned as a tuple.
def split_dataset(dataset, n_val, seed):
    order = torch.randperm(len(dataset), generator=torch.Generator().manual_seed(seed)).tolist()
    return Subset(dataset, order[n_val:]), Subset(dataset, order[:n_val])
