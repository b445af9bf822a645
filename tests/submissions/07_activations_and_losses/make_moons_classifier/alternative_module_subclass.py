# Alternative: an nn.Module subclass whose forward applies F.relu between the two layers.
class MoonsNet(nn.Module):
    def __init__(self, hidden):
        super().__init__()
        self.hidden = nn.Linear(2, hidden)
        self.out = nn.Linear(hidden, 1)

    def forward(self, x):
        return self.out(F.relu(self.hidden(x)))


def make_moons_classifier(hidden):
    return MoonsNet(hidden)
