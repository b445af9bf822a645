# Mistake: believes that model.eval() turns off gradient tracking.
answer_eval_requires_grad = False
