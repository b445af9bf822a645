# Mistake: multiplies by a one-hot mask and sums each row. Right for finite logits, but a masked class
# (-inf) gives -inf * 0 = nan, and the sum is nan.
import torch.nn.functional as F


def true_class_scores(logits, targets):
    return (logits * F.one_hot(targets, logits.shape[1])).sum(dim=1)
