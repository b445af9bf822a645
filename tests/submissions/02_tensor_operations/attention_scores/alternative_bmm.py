# Alternative: torch.bmm on the 3-D batches, keys transposed with .mT, scaled with math.sqrt.
import math


def attention_scores(q, k):
    return torch.bmm(q, k.mT) / math.sqrt(q.shape[-1])
