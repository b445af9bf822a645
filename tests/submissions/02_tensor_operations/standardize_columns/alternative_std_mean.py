# Alternative: torch.std_mean returns the population std and the mean of each column in one call.
def standardize_columns(x):
    std, mean = torch.std_mean(x, dim=0, correction=0)
    return (x - mean) / std
