# Alternative: an explicit RandomSampler with the seeded generator; the DataLoader gets the generator too, or each
# epoch would still draw its workers' base seed from the global generator.
def make_loader(dataset, batch_size, seed):
    generator = torch.Generator().manual_seed(seed)
    sampler = RandomSampler(dataset, generator=generator)
    return DataLoader(dataset, batch_size=batch_size, sampler=sampler, generator=generator)
