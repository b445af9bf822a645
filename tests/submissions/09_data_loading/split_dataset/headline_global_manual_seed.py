# Headline mistake: reseeds the global generator with torch.manual_seed(seed) and lets random_split draw from it:
# reproducible, but it resets the random numbers of the whole program.
def split_dataset(dataset, n_val, seed):
    torch.manual_seed(seed)
    return random_split(dataset, [len(dataset) - n_val, n_val])
