# Headline mistake: lambda * sum of squares, without the 1/2; its gradient is 2 * lambda * p, twice what SGD's
# weight_decay adds, so the weights decay twice as fast.
def l2_penalty(params, weight_decay):
    return weight_decay * sum(p.pow(2).sum() for p in params)
