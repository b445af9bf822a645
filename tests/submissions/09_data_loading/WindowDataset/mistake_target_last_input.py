# Mistake: the target is the window's own last value, series[i + window - 1], not the value after it
# (and __len__ then looks "right" for N - window + 1 windows, so it uses N - window).
class WindowDataset(Dataset):
    def __init__(self, series, window):
        self.series = series
        self.window = window

    def __len__(self):
        return len(self.series) - self.window

    def __getitem__(self, i):
        return self.series[i:i + self.window], self.series[i + self.window - 1]
