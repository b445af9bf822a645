# Mistake: draws one seeded permutation and wraps it in a Subset without shuffling, so every epoch has the same
# order (the loader gets the generator too, so the global generator is untouched).
def make_loader(dataset, batch_size, seed):
    generator = torch.Generator().manual_seed(seed)
    order = torch.randperm(len(dataset), generator=generator).tolist()
    return DataLoader(Subset(dataset, order), batch_size=batch_size, shuffle=False, generator=generator)
