# Mistake: hard-codes 16 hidden units instead of using the argument; right for make_moons_classifier(16) only.
def make_moons_classifier(hidden):
    return nn.Sequential(nn.Linear(2, 16), nn.ReLU(), nn.Linear(16, 1))
