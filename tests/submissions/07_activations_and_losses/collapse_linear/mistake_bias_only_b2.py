# Mistake: takes only layer2's bias for the combined bias, forgetting that layer1's bias also passes
# through layer2 (b = W2 @ b1 + b2).
def collapse_linear(layer1, layer2):
    combined = nn.Linear(layer1.in_features, layer2.out_features)
    with torch.no_grad():
        combined.weight.copy_(layer2.weight @ layer1.weight)
        combined.bias.copy_(layer2.bias)
    return combined
