# Mistake: "mixed precision" by casting the model and the data to bfloat16 (the weights become bfloat16 too).
def amp_train_step(model, optimizer, loss_fn, x, y, scaler=None):
    model.to(torch.bfloat16)
    optimizer.zero_grad()
    loss = loss_fn(model(x.to(torch.bfloat16)), y.to(torch.bfloat16))
    loss.backward()
    optimizer.step()
    return loss.item()
