# Mistake: standardises each split with its own statistics, so the validation split is centred on itself
# instead of with the training mean and std.
def standardize_splits(X_train, X_val):
    mean, std = X_train.mean(dim=0), X_train.std(dim=0)
    safe = torch.where(std == 0, torch.ones_like(std), std)
    val_mean, val_std = X_val.mean(dim=0), X_val.std(dim=0)
    return (X_train - mean) / safe, (X_val - val_mean) / val_std, mean, std
