# Mistake: uses torch.inference_mode() and returns the inference tensor, which cannot be saved for
# backward when it is later used in a loss that is differentiated.
def predict_without_graph(model_fn, x):
    with torch.inference_mode():
        return model_fn(x)
