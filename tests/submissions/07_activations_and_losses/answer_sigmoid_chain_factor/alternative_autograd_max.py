# Alternative: gets the largest slope, sigmoid'(0), from autograd and raises it to the 5th power (a tensor).
x = torch.tensor(0.0, requires_grad=True)
torch.sigmoid(x).backward()
answer_sigmoid_chain_factor = x.grad ** 5
