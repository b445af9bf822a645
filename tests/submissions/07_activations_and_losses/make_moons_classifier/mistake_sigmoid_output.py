# Mistake: ends the model with nn.Sigmoid, so it outputs probabilities, not logits: every output is above 0,
# every point is predicted as class 1, and BCEWithLogitsLoss squashes them a second time.
def make_moons_classifier(hidden):
    return nn.Sequential(nn.Linear(2, hidden), nn.ReLU(), nn.Linear(hidden, 1), nn.Sigmoid())
