# Mistake: a private torch.Generator(), but never seeded: it always starts from the same default seed, so every
# seed gives the same split.
def split_dataset(dataset, n_val, seed):
    return random_split(dataset, [len(dataset) - n_val, n_val], generator=torch.Generator())
