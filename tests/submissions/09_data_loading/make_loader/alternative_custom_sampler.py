# Alternative: a hand-written Sampler that draws a fresh permutation from its own generator every epoch, plus a
# separately seeded generator for the DataLoader's own base seed.
class SeededShuffle(torch.utils.data.Sampler):
    def __init__(self, n, seed):
        self.n = n
        self.generator = torch.Generator().manual_seed(seed)

    def __len__(self):
        return self.n

    def __iter__(self):
        return iter(torch.randperm(self.n, generator=self.generator).tolist())


def make_loader(dataset, batch_size, seed):
    return DataLoader(dataset, batch_size=batch_size, sampler=SeededShuffle(len(dataset), seed),
                      generator=torch.Generator().manual_seed(seed + 1))
