# Alternative: runs the code and reads the answer off x.grad (an int-valued float).
x = torch.tensor(2.0, requires_grad=True)
y = 3 * x
y.backward()
y = 3 * x
y.backward()
answer_grad_after_two_backwards = x.grad.item()
