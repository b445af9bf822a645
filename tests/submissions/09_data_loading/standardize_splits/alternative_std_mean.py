# Alternative: torch.std_mean in one call, masked_fill for the zero stds, and the guarded std returned.
def standardize_splits(X_train, X_val):
    std, mean = torch.std_mean(X_train, dim=0)
    std = std.masked_fill(std == 0, 1.0)
    return (X_train - mean) / std, (X_val - mean) / std, mean, std
