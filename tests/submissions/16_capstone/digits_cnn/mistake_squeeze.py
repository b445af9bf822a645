# Mistake: flattens with view(-1, 512) after a squeeze(), which drops the batch axis for a batch of one digit.
class DigitsCNN(nn.Module):
    def __init__(self, p_drop=0.25):
        super().__init__()
        self.features = nn.Sequential(nn.Conv2d(1, 16, 3, padding=1), nn.ReLU(), nn.Conv2d(16, 32, 3, padding=1),
                                      nn.ReLU(), nn.MaxPool2d(2))
        self.head = nn.Sequential(nn.Dropout(p_drop), nn.Linear(512, 64), nn.ReLU(), nn.Linear(64, 10))

    def forward(self, x):
        h = self.features(x).squeeze()
        return self.head(h.reshape(h.shape[0], -1) if h.dim() == 4 else h.reshape(-1))
