# Alternative: two ModuleLists, one for each layer of the blocks, and the ReLU from torch.relu.
class ResidualMLP(nn.Module):
    def __init__(self, dim, hidden, depth):
        super().__init__()
        self.expand = nn.ModuleList([nn.Linear(dim, hidden) for _ in range(depth)])
        self.project = nn.ModuleList([nn.Linear(hidden, dim) for _ in range(depth)])

    def forward(self, x):
        for up, down in zip(self.expand, self.project):
            x = x + down(torch.relu(up(x)))
        return x
