# Alternative: runs nn.BatchNorm1d(1) on the batch and answers with its buffers, as a list of one-element tensors.
_bn = nn.BatchNorm1d(1)
_bn(torch.tensor([[1.0], [2.0], [3.0], [6.0]]))
answer_bn_running_stats = [_bn.running_mean, _bn.running_var]
