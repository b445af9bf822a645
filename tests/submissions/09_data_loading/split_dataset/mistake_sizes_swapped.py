# Mistake: passes the lengths in the wrong order, so "train" gets n_val examples and "val" the rest.
def split_dataset(dataset, n_val, seed):
    generator = torch.Generator().manual_seed(seed)
    return random_split(dataset, [n_val, len(dataset) - n_val], generator=generator)
