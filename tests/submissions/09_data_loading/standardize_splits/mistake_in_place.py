# Mistake: standardises the caller's tensors in place (-= and /=), so X_train and X_val are overwritten.
def standardize_splits(X_train, X_val):
    mean, std = X_train.mean(dim=0), X_train.std(dim=0)
    safe = torch.where(std == 0, torch.ones_like(std), std)
    X_train -= mean
    X_train /= safe
    X_val -= mean
    X_val /= safe
    return X_train, X_val, mean, std
