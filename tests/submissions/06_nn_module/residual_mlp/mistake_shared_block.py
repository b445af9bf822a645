# Mistake: builds the list with [block] * depth, which repeats one block: every position shares the same
# layers, so the model has one block's parameters, used depth times.
class ResidualMLP(nn.Module):
    def __init__(self, dim, hidden, depth):
        super().__init__()
        block = nn.Sequential(nn.Linear(dim, hidden), nn.ReLU(), nn.Linear(hidden, dim))
        self.blocks = nn.ModuleList([block] * depth)

    def forward(self, x):
        for block in self.blocks:
            x = x + block(x)
        return x
