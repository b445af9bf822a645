# Alternative: never writes the formula; probes the stack with the zero vector (gives the bias) and the
# identity matrix (each basis vector gives one column of W), then builds the layer from nn.Parameters.
def collapse_linear(layer1, layer2):
    n_in = layer1.in_features
    with torch.no_grad():
        bias = layer2(layer1(torch.zeros(1, n_in)))[0]
        columns = layer2(layer1(torch.eye(n_in))) - bias      # row i = W @ e_i
    combined = nn.Linear(n_in, layer2.out_features)
    combined.weight = nn.Parameter(columns.T.clone())
    combined.bias = nn.Parameter(bias.clone())
    return combined
