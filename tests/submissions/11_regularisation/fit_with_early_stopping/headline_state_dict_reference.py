# Headline mistake: saves best_state = model.state_dict(), a dict of references to the live tensors; training
# keeps changing them, so "restoring" it at the end loads the last epoch's weights.
def fit_with_early_stopping(model, train_epoch, val_loss, max_epochs, patience):
    best_loss, best_epoch, best_state, waited = math.inf, 0, None, 0
    for epoch in range(1, max_epochs + 1):
        train_epoch(model)
        loss = val_loss(model)
        if loss < best_loss:
            best_loss, best_epoch, waited = loss, epoch, 0
            best_state = model.state_dict()
        else:
            waited += 1
            if waited >= patience:
                break
    model.load_state_dict(best_state)
    return best_epoch
