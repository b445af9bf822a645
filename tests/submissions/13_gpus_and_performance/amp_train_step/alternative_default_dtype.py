# Alternative: torch.autocast's default dtypes (bfloat16 on the CPU, float16 on CUDA), no dtype argument.
def amp_train_step(model, optimizer, loss_fn, x, y, scaler=None):
    optimizer.zero_grad(set_to_none=True)
    with torch.autocast(x.device.type):
        output = model(x)
        loss = loss_fn(output, y)
    if scaler is not None:
        scaler.scale(loss).backward()
        scaler.step(optimizer)
        scaler.update()
        return float(loss.detach())
    loss.backward()
    optimizer.step()
    return float(loss.detach())
