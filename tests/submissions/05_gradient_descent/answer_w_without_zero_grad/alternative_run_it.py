# Alternative: runs the code and reads w off as a Python float (0.1 up to float32 rounding).
w = torch.tensor(1.0, requires_grad=True)
optimizer = torch.optim.SGD([w], lr=0.1)
for _ in range(2):
    loss = 3 * w
    loss.backward()
    optimizer.step()
answer_w_without_zero_grad = w.item()
