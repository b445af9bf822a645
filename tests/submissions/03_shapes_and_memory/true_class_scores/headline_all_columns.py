# Headline mistake: logits[:, targets] picks the target columns from every row, an (N, N) matrix, not (N,).
def true_class_scores(logits, targets):
    return logits[:, targets]
