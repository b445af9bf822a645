# Mistake: snapshots and restores only model.parameters(), so buffers such as BatchNorm's running_mean and
# running_var keep the last epoch's values.
def fit_with_early_stopping(model, train_epoch, val_loss, max_epochs, patience):
    best_loss, best_epoch, best_params, waited = math.inf, 0, None, 0
    for epoch in range(1, max_epochs + 1):
        train_epoch(model)
        loss = val_loss(model)
        if loss < best_loss:
            best_loss, best_epoch, waited = loss, epoch, 0
            best_params = [p.detach().clone() for p in model.parameters()]
        else:
            waited += 1
            if waited >= patience:
                break
    with torch.no_grad():
        for p, saved in zip(model.parameters(), best_params):
            p.copy_(saved)
    return best_epoch
