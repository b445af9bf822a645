# Mistake: the training loader does not shuffle, so every epoch sees the batches in the same order.
def make_loaders(X_train, y_train, X_val, y_val, batch_size=64):
    mean, std = X_train.mean().item(), X_train.std().item()
    train_loader = DataLoader(TensorDataset((X_train - mean) / std, y_train), batch_size=batch_size)
    val_loader = DataLoader(TensorDataset((X_val - mean) / std, y_val), batch_size=batch_size)
    return train_loader, val_loader, mean, std
