# Mistake: differentiates the sum of squares sum_i (w_i x_i)**2 instead of the square of the sum (w.x)**2.
def dot_square_grad(w, x):
    return 2 * w * x * x
