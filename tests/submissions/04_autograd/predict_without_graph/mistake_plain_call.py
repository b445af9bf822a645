# Mistake: calls the model normally, so the output is recorded and requires grad through the parameters.
def predict_without_graph(model_fn, x):
    return model_fn(x)
