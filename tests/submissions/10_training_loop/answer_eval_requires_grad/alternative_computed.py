# Alternative: runs the experiment on a small model in eval mode, without no_grad.
answer_eval_requires_grad = nn.Sequential(nn.Linear(3, 2), nn.Dropout(0.5)).eval()(torch.zeros(1, 3)).requires_grad
