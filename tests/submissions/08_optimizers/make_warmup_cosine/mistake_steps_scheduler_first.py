# Mistake: calls scheduler.step() once inside the factory "to start the schedule", which is a
# scheduler.step() before any optimizer.step(): PyTorch warns, and every step uses the next step's lr.
def make_warmup_cosine(optimizer, warmup_steps, total_steps, start_factor=0.1):
    sched = torch.optim.lr_scheduler
    warmup = sched.LinearLR(optimizer, start_factor=start_factor, total_iters=warmup_steps)
    cosine = sched.CosineAnnealingLR(optimizer, T_max=total_steps - warmup_steps)
    scheduler = sched.SequentialLR(optimizer, [warmup, cosine], milestones=[warmup_steps])
    scheduler.step()
    return scheduler
