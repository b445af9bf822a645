# Mistake: F.dropout without training=self.training, so dropout stays on after model.eval().
class DigitsCNN(nn.Module):
    def __init__(self, p_drop=0.25):
        super().__init__()
        self.p_drop = p_drop
        self.conv1 = nn.Conv2d(1, 16, 3, padding=1)
        self.conv2 = nn.Conv2d(16, 32, 3, padding=1)
        self.fc1 = nn.Linear(512, 64)
        self.fc2 = nn.Linear(64, 10)

    def forward(self, x):
        h = F.max_pool2d(F.relu(self.conv2(F.relu(self.conv1(x)))), 2).flatten(1)
        h = F.dropout(h, self.p_drop)
        return self.fc2(F.relu(self.fc1(h)))
