# Alternative: torch.set_grad_enabled(False) used as a context manager switches recording off for the block
# and puts the previous mode back, like torch.no_grad().
def predict_without_graph(model_fn, x):
    with torch.set_grad_enabled(False):
        return model_fn(x)
