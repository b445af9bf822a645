# Alternative: builds the model and sums numel() over its parameters.
model = nn.Sequential(nn.Linear(10, 20), nn.BatchNorm1d(20), nn.ReLU(), nn.Linear(20, 5, bias=False))
answer_small_model_params = sum(p.numel() for p in model.parameters())
