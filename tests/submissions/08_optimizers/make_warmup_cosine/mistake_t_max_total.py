# Mistake: the cosine's T_max is the total number of steps, forgetting that the warm-up used W of them, so
# the lr never gets down to 0 (it ends at about lr0 * 0.5 * (1 + cos(pi * (T - W) / T))).
def make_warmup_cosine(optimizer, warmup_steps, total_steps, start_factor=0.1):
    sched = torch.optim.lr_scheduler
    warmup = sched.LinearLR(optimizer, start_factor=start_factor, total_iters=warmup_steps)
    cosine = sched.CosineAnnealingLR(optimizer, T_max=total_steps)
    return sched.SequentialLR(optimizer, [warmup, cosine], milestones=[warmup_steps])
