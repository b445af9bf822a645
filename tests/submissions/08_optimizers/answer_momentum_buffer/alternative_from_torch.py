# Alternative: runs torch.optim.SGD itself and reads the buffer from its state (a one-element tensor).
_p = torch.zeros(1, requires_grad=True)
_opt = torch.optim.SGD([_p], lr=0.1, momentum=0.9)
for _g in (2.0, 1.0):
    _p.grad = torch.tensor([_g])
    _opt.step()
answer_momentum_buffer = _opt.state[_p]["momentum_buffer"]
