# Alternative: writes the dot product as an element-wise product and a sum.
def dot_square_grad(w, x):
    u = (w * x).sum()
    return 2 * u * x
