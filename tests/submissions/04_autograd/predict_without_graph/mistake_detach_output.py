# Mistake: runs the model while autograd records, then cuts the output loose with .detach(). The values are
# right, but the docstring asks for no graph at all: this one was built (with its saved activations) and
# thrown away, which costs the time and memory the exercise is about saving.
def predict_without_graph(model_fn, x):
    return model_fn(x).detach()
