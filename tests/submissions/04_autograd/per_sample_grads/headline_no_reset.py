# Headline mistake: never resets w.grad, so every backward adds to the old gradients: entry i is the sum of the
# gradients of samples 0..i (plus whatever gradient w arrived with).
def per_sample_grads(w, xs, ys):
    grads = []
    for i in range(xs.shape[0]):
        loss = (torch.dot(w, xs[i]) - ys[i]) ** 2
        loss.backward()
        grads.append(w.grad.clone())
    return grads
