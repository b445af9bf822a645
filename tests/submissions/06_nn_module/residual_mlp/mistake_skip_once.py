# Mistake: one skip connection around the whole stack, x + f_n(...f_1(x)), instead of one per block.
class ResidualMLP(nn.Module):
    def __init__(self, dim, hidden, depth):
        super().__init__()
        self.body = nn.Sequential(*[nn.Sequential(nn.Linear(dim, hidden), nn.ReLU(), nn.Linear(hidden, dim))
                                    for _ in range(depth)])

    def forward(self, x):
        return x + self.body(x)
