# Alternative: lets autograd compute the slope in the cell and answers with the 0-d gradient tensor.
x = torch.tensor(3.0, requires_grad=True)
f = x**3 - 2 * x**2 + 5
f.backward()
answer_cubic_slope = x.grad
