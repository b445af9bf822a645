# Alternative: statistics computed with NumPy (population std, ddof=0) in float64, converted to Python floats.
def make_loaders(X_train, y_train, X_val, y_val, batch_size=64):
    pixels = X_train.numpy().astype("float64")
    mean, std = float(pixels.mean()), float(pixels.std())
    standardise = lambda X: ((X.double() - mean) / std).float()
    train_loader = DataLoader(TensorDataset(standardise(X_train), y_train), batch_size=batch_size, shuffle=True)
    val_loader = DataLoader(TensorDataset(standardise(X_val), y_val), batch_size=batch_size)
    return train_loader, val_loader, mean, std
