# Alternative: asks PyTorch with is_leaf instead of reasoning it out, and answers with a list.
a = torch.tensor([1.0, 2.0], requires_grad=True)
b = a * 3
c = b.detach()
d = torch.zeros(2)
answer_leaf_tensors = [name for name, t in {"a": a, "b": b, "c": c, "d": d}.items() if t.is_leaf]
