# Mistake: computes the dot product with NumPy. It works for float32 and float64, but NumPy has no bfloat16
# (and .numpy() also fails on a GPU tensor or one that requires grad).
def dot_square_grad(w, x):
    import numpy as np
    u = float(np.dot(w.numpy(), x.numpy()))
    return 2 * u * x
