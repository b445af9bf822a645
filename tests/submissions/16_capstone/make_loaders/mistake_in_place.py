# Mistake: standardises the caller's tensors in place (sub_/div_), so X_train and X_val change under the caller.
def make_loaders(X_train, y_train, X_val, y_val, batch_size=64):
    mean, std = X_train.mean().item(), X_train.std().item()
    X_train.sub_(mean).div_(std)
    X_val.sub_(mean).div_(std)
    train_loader = DataLoader(TensorDataset(X_train, y_train), batch_size=batch_size, shuffle=True)
    val_loader = DataLoader(TensorDataset(X_val, y_val), batch_size=batch_size)
    return train_loader, val_loader, mean, std
