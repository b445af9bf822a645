# Mistake: assumes torch.from_numpy copies the array, so the tensor would still hold 0.
answer_from_numpy_value = 0.0
