# Mistake: counts only the tensor created with requires_grad=True; results of .detach() and tensors that
# don't require grad are leaves too.
answer_leaf_tensors = {"a"}
