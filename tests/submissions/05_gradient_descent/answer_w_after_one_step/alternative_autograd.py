# Alternative: runs the step with autograd in the cell and answers with a 0-d tensor.
w = torch.tensor(1.0, requires_grad=True)
x, y = torch.tensor([1.0, 2.0]), torch.tensor([3.0, 5.0])
((w * x - y) ** 2).mean().backward()
with torch.no_grad():
    w -= 0.1 * w.grad
answer_w_after_one_step = w.detach()
