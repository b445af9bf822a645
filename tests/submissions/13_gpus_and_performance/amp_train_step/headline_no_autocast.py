# Headline mistake: no autocast at all, so the whole step runs in float32.
def amp_train_step(model, optimizer, loss_fn, x, y, scaler=None):
    optimizer.zero_grad()
    loss = loss_fn(model(x), y)
    if scaler is None:
        loss.backward()
        optimizer.step()
    else:
        scaler.scale(loss).backward()
        scaler.step(optimizer)
        scaler.update()
    return loss.item()
