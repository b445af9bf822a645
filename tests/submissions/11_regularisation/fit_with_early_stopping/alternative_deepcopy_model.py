# Alternative: keeps a deep copy of the whole model at the best epoch and loads its state_dict at the end; the
# losses are kept in a list and the stop rule looks back over it.
def fit_with_early_stopping(model, train_epoch, val_loss, max_epochs, patience):
    losses, best_model = [], None
    for epoch in range(1, max_epochs + 1):
        train_epoch(model)
        losses.append(val_loss(model))
        if losses[-1] < min(losses[:-1], default=math.inf):
            best_model = copy.deepcopy(model)
        best_epoch = losses.index(min(losses)) + 1
        if epoch - best_epoch >= patience:
            break
    model.load_state_dict(best_model.state_dict())
    return best_epoch
