# Headline mistake: multiplies the weights in the order the layers run (W1 @ W2) instead of W2 @ W1; for layers of
# different sizes the shapes don't even fit, for square layers the values are wrong.
def collapse_linear(layer1, layer2):
    combined = nn.Linear(layer1.in_features, layer2.out_features)
    with torch.no_grad():
        combined.weight.copy_(layer1.weight @ layer2.weight)
        combined.bias.copy_(layer2.weight @ layer1.bias + layer2.bias)
    return combined
