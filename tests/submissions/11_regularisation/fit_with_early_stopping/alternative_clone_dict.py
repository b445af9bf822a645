# Alternative: a dict of detached clones instead of copy.deepcopy, a while loop, and the best loss tracked as None
# before the first epoch.
def fit_with_early_stopping(model, train_epoch, val_loss, max_epochs, patience):
    best_loss, best_epoch, best_state = None, None, None
    epoch = 0
    since_best = 0
    while epoch < max_epochs and since_best < patience:
        epoch += 1
        train_epoch(model)
        loss = val_loss(model)
        if best_loss is None or loss < best_loss:
            best_loss, best_epoch, since_best = loss, epoch, 0
            best_state = {k: v.detach().clone() for k, v in model.state_dict().items()}
        else:
            since_best += 1
    model.load_state_dict(best_state)
    return best_epoch
