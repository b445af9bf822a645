# Headline mistake: __len__ counts N - window + 1 windows, one too many: the last window has no target, so the
# DataLoader's last index raises IndexError.
class WindowDataset(Dataset):
    def __init__(self, series, window):
        self.series = series
        self.window = window

    def __len__(self):
        return len(self.series) - self.window + 1

    def __getitem__(self, i):
        return self.series[i:i + self.window], self.series[i + self.window]
