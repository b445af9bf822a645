# Alternative: only the model runs inside the autocast region; the loss is computed outside it.
def amp_train_step(model, optimizer, loss_fn, x, y, scaler=None):
    on_cuda = x.device.type == "cuda"
    for p in model.parameters():
        p.grad = None
    with torch.autocast(device_type=x.device.type, dtype=torch.float16 if on_cuda else torch.bfloat16):
        output = model(x)
    loss = loss_fn(output.float(), y)
    (loss if scaler is None else scaler.scale(loss)).backward()
    if scaler is None:
        optimizer.step()
    else:
        scaler.step(optimizer)
        scaler.update()
    return loss.item()
