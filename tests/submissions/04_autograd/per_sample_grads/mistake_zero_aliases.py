# Mistake: resets with w.grad.zero_() but appends w.grad itself, so every entry of the list is the same
# tensor, which ends up holding the last sample's gradient.
def per_sample_grads(w, xs, ys):
    grads = []
    for i in range(xs.shape[0]):
        if w.grad is not None:
            w.grad.zero_()
        loss = (torch.dot(w, xs[i]) - ys[i]) ** 2
        loss.backward()
        grads.append(w.grad)
    return grads
