# Headline mistake: forgets that nn.Linear stores W as (out_features, in_features) and computes x @ W. That only
# runs when W is square, and then multiplies by the wrong matrix.
def linear_forward(x, W, b):
    return x @ W + b
