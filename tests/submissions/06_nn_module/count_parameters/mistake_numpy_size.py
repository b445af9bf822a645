# Mistake: counts with NumPy's .size after p.detach().numpy(), which needs the values on the CPU: it fails
# for a model on a GPU or on the meta device, where p.numel() (shape only) works.
def count_parameters(model, trainable_only=False):
    return sum(p.detach().numpy().size for p in model.parameters() if p.requires_grad or not trainable_only)
