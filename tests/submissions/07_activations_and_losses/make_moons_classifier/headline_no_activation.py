# Headline mistake: two linear layers with no activation between them: the model is one linear layer, so it
# trains to a straight-line boundary and stops at about 88% on the moons.
def make_moons_classifier(hidden):
    return nn.Sequential(nn.Linear(2, hidden), nn.Linear(hidden, 1))
