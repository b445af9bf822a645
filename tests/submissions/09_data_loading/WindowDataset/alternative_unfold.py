# Alternative: precomputes all windows as views with Tensor.unfold and the targets as series[window:];
# indexing past the end raises IndexError from the targets tensor.
class WindowDataset(Dataset):
    def __init__(self, series, window):
        self.inputs = series.unfold(0, window, 1)[:-1]      # (N - window + 1, window), minus the last
        self.targets = series[window:]                       # (N - window,)

    def __len__(self):
        return len(self.targets)

    def __getitem__(self, i):
        return self.inputs[i], self.targets[i]
