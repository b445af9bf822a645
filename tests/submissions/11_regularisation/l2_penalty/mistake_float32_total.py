# Mistake: accumulates into a float32 zero tensor with +=, which keeps float32: right for float32 parameters,
# silently rounded to float32 for float64 ones.
def l2_penalty(params, weight_decay):
    total = torch.tensor(0.0)
    for p in params:
        total += (p * p).sum()
    return weight_decay / 2 * total
