# Alternative: reads the device from the parameters in a loop and copies with non_blocking=True.
def batch_loss(model, xb, yb):
    for p in model.parameters():
        target = p.device
        break
    logits = model(xb.to(target, non_blocking=True))
    return nn.CrossEntropyLoss()(logits, yb.to(target, non_blocking=True))
