# Mistake: counts the kinds of layer (BatchNorm1d, Dropout) instead of the modules.
answer_eval_layers = 2
