# Mistake: misremembers the formula as s * (1 + s), which gives 0.75 at x = 0 instead of 0.25.
def sigmoid_grad(x):
    s = torch.sigmoid(x)
    return s * (1 + s)
