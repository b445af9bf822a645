# Alternative: simulates the rule in code; the answer is a 0-d int64 tensor.
_losses = torch.tensor([0.92, 0.71, 0.64, 0.66, 0.65, 0.63, 0.67, 0.69, 0.62])
_best, _waited = 0, 0
for _i in range(1, len(_losses)):
    if _losses[_i] < _losses[_best]:
        _best, _waited = _i, 0
    else:
        _waited += 1
        if _waited == 2:
            break
answer_early_stop_epoch = torch.tensor(_best + 1)
