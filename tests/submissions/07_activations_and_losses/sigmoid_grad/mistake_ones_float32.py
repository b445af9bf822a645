# Mistake: builds the 1 of 1 - s with torch.ones(x.shape), a float32 tensor, which promotes float16 and bfloat16
# inputs to a float32 result (float32 and float64 come out right).
def sigmoid_grad(x):
    s = torch.sigmoid(x)
    return s * (torch.ones(x.shape) - s)
