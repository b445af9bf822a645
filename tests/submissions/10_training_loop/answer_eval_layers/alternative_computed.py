# Alternative: builds the model and counts the Dropout and BatchNorm modules.
_model = nn.Sequential(nn.Linear(20, 64), nn.BatchNorm1d(64), nn.ReLU(), nn.Dropout(0.3),
                       nn.Linear(64, 64), nn.BatchNorm1d(64), nn.ReLU(), nn.Dropout(0.3), nn.Linear(64, 10))
answer_eval_layers = sum(isinstance(m, (nn.Dropout, nn.BatchNorm1d)) for m in _model)
