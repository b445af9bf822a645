# Alternative: the average as a 0-d tensor.
answer_ddp_grad = torch.tensor([0.6, 1.0]).mean()
