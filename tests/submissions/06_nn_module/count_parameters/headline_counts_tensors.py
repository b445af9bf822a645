# Headline mistake: len(list(...)) counts the parameter tensors (2 for a Linear layer), not the numbers in them.
def count_parameters(model, trainable_only=False):
    params = [p for p in model.parameters() if p.requires_grad or not trainable_only]
    return len(params)
