# Alternative: a Dataset class that standardises each image in __getitem__, with the population std (unbiased=False).
class StandardisedImages(Dataset):
    def __init__(self, images, labels, mean, std):
        self.images, self.labels, self.mean, self.std = images, labels, mean, std

    def __len__(self):
        return len(self.labels)

    def __getitem__(self, i):
        return (self.images[i] - self.mean) / self.std, self.labels[i]


def make_loaders(X_train, y_train, X_val, y_val, batch_size=64):
    mean = float(X_train.mean())
    std = float(X_train.std(unbiased=False))
    train_loader = DataLoader(StandardisedImages(X_train, y_train, mean, std), batch_size=batch_size, shuffle=True)
    val_loader = DataLoader(StandardisedImages(X_val, y_val, mean, std), batch_size=batch_size, shuffle=False)
    return train_loader, val_loader, mean, std
