# Alternative: a SkipBlock module whose forward is h + f(h), chained with nn.Sequential (each block
# already contains its skip, so a Sequential of them is the whole model).
class SkipBlock(nn.Module):
    def __init__(self, dim, hidden):
        super().__init__()
        self.fc1 = nn.Linear(dim, hidden)
        self.fc2 = nn.Linear(hidden, dim)

    def forward(self, h):
        return h + self.fc2(torch.relu(self.fc1(h)))


class ResidualMLP(nn.Module):
    def __init__(self, dim, hidden, depth):
        super().__init__()
        self.net = nn.Sequential(*(SkipBlock(dim, hidden) for _ in range(depth)))

    def forward(self, x):
        return self.net(x)
