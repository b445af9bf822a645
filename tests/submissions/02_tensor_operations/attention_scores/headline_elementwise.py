# Headline mistake: keeps the teammate's `*`. Element-wise products broadcast without error when N == M == D
# and give a (B, D, D) tensor of wrong numbers; on rectangular inputs they raise.
def attention_scores(q, k):
    d = q.shape[-1]
    return q * k.transpose(-2, -1) / d ** 0.5
