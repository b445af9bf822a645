# Headline mistake: stops the chain rule after the inner function: returns du/dw = x and forgets dL/du = 2(w.x).
def dot_square_grad(w, x):
    return x.clone()
