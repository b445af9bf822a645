# Mistake: uses the residual target minus prediction (y - w*x - b) without the minus sign the chain rule
# brings, so both gradients point the wrong way.
def mse_gradients(x, y, w, b):
    r = y - (w * x + b)
    return 2 * (r * x).mean(), 2 * r.mean()
