# Mistake: calls torch.set_grad_enabled(False) as a plain statement. The output is right, but recording stays
# off after the function returns, for the rest of the notebook (later training silently gets no gradients).
def predict_without_graph(model_fn, x):
    torch.set_grad_enabled(False)
    return model_fn(x)
