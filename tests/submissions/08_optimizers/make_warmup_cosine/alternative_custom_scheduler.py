# Alternative: a small LRScheduler subclass whose get_lr() computes the formula from self.last_epoch
# (the number of scheduler.step() calls so far).
class _WarmupCosine(torch.optim.lr_scheduler.LRScheduler):
    def __init__(self, optimizer, warmup_steps, total_steps, start_factor):
        self.warmup_steps, self.total_steps, self.start_factor = warmup_steps, total_steps, start_factor
        super().__init__(optimizer)

    def get_lr(self):
        t, w = self.last_epoch, self.warmup_steps
        if t < w:
            f = self.start_factor + (1 - self.start_factor) * t / w
        else:
            f = 0.5 * (1 + math.cos(math.pi * (t - w) / (self.total_steps - w)))
        return [base_lr * f for base_lr in self.base_lrs]


def make_warmup_cosine(optimizer, warmup_steps, total_steps, start_factor=0.1):
    return _WarmupCosine(optimizer, warmup_steps, total_steps, start_factor)
