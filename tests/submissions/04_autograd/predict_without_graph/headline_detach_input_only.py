# Headline mistake: detaches only the input; the parameters still require grad, so the output still carries a graph.
def predict_without_graph(model_fn, x):
    return model_fn(x.detach())
