# Mistake: max(z, 0) with torch.maximum against torch.zeros(z.shape), a float32 tensor, which promotes float16
# and bfloat16 logits to a float32 loss (float32 and float64 come out right).
def bce_with_logits(logits, targets):
    z, y = logits, targets
    return (torch.maximum(z, torch.zeros(z.shape)) - z * y + torch.log1p(torch.exp(-z.abs()))).mean()
