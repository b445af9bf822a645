# Headline mistake: off by one in the warm-up (the warm-up "ends at step W - 1": total_iters=W - 1 and
# milestones=[W - 1]), so the ramp is too steep and the cosine starts a step early; the visible check catches it.
def make_warmup_cosine(optimizer, warmup_steps, total_steps, start_factor=0.1):
    sched = torch.optim.lr_scheduler
    warmup = sched.LinearLR(optimizer, start_factor=start_factor, total_iters=warmup_steps - 1)
    cosine = sched.CosineAnnealingLR(optimizer, T_max=total_steps - warmup_steps + 1)
    return sched.SequentialLR(optimizer, [warmup, cosine], milestones=[warmup_steps - 1])
