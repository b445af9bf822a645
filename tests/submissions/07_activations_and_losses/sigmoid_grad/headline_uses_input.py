# Headline mistake: plugs the input x into the formula instead of the output s = sigmoid(x): x * (1 - x).
def sigmoid_grad(x):
    return x * (1 - x)
