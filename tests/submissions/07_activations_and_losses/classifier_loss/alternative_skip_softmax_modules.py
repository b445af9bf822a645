# Alternative: runs x through every module that is not a Softmax, then log-softmax and nll_loss.
def classifier_loss(model, x, targets):
    h = x
    for module in model:
        if not isinstance(module, nn.Softmax):
            h = module(h)
    return F.nll_loss(F.log_softmax(h, dim=1), targets)
