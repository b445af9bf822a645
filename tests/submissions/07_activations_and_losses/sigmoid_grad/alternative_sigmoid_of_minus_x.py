# Alternative: uses 1 - sigmoid(x) = sigmoid(-x), so sigmoid'(x) = sigmoid(x) * sigmoid(-x).
def sigmoid_grad(x):
    return torch.sigmoid(x) * torch.sigmoid(-x)
