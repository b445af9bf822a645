# Alternative: computed on meta tensors (shapes only, no data) and given as a torch.Size.
answer_matmul_shape = (torch.empty(8, 5, 3, device="meta") @ torch.empty(3, 2, device="meta")).shape
