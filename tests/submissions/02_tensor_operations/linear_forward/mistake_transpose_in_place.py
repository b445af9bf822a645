# Mistake: transposes W with the in-place W.t_(), which gives the right output but leaves the caller's
# weight transposed, (in_features, out_features), after the call.
def linear_forward(x, W, b):
    return x @ W.t_() + b
