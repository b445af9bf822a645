# Headline mistake: keeps the blocks in a plain Python list. The forward pass works, but parameters() is empty, so
# an optimizer would train nothing, and .to() and state_dict() skip the blocks.
class ResidualMLP(nn.Module):
    def __init__(self, dim, hidden, depth):
        super().__init__()
        self.blocks = [nn.Sequential(nn.Linear(dim, hidden), nn.ReLU(), nn.Linear(hidden, dim))
                       for _ in range(depth)]

    def forward(self, x):
        for block in self.blocks:
            x = x + block(x)
        return x
