# Headline mistake: computes the mean and std over the training AND validation images together (a leak).
def make_loaders(X_train, y_train, X_val, y_val, batch_size=64):
    X_all = torch.cat([X_train, X_val])
    mean, std = X_all.mean().item(), X_all.std().item()
    train_loader = DataLoader(TensorDataset((X_train - mean) / std, y_train), batch_size=batch_size, shuffle=True)
    val_loader = DataLoader(TensorDataset((X_val - mean) / std, y_val), batch_size=batch_size)
    return train_loader, val_loader, mean, std
