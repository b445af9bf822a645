# Headline mistake: reseeds the global generator with torch.manual_seed(seed) and shuffles without a generator:
# it resets everyone's random numbers, and each epoch's order then depends on what else drew from them.
def make_loader(dataset, batch_size, seed):
    torch.manual_seed(seed)
    return DataLoader(dataset, batch_size=batch_size, shuffle=True)
