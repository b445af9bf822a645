# Mistake: a private torch.Generator() that is never seeded: reproducible, but every seed gives the same orders.
def make_loader(dataset, batch_size, seed):
    return DataLoader(dataset, batch_size=batch_size, shuffle=True, generator=torch.Generator())
