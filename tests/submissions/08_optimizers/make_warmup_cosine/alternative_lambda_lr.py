# Alternative: one LambdaLR with the formula written out; the factor multiplies each group's base lr.
def make_warmup_cosine(optimizer, warmup_steps, total_steps, start_factor=0.1):
    def factor(t):
        if t < warmup_steps:
            return start_factor + (1 - start_factor) * t / warmup_steps
        return 0.5 * (1 + math.cos(math.pi * (t - warmup_steps) / (total_steps - warmup_steps)))
    return torch.optim.lr_scheduler.LambdaLR(optimizer, factor)
