# Mistake: always a plain backward and step, even when a GradScaler is given.
def amp_train_step(model, optimizer, loss_fn, x, y, scaler=None):
    dtype = torch.float16 if x.device.type == "cuda" else torch.bfloat16
    optimizer.zero_grad()
    with torch.autocast(device_type=x.device.type, dtype=dtype):
        loss = loss_fn(model(x), y)
    loss.backward()
    optimizer.step()
    return loss.item()
