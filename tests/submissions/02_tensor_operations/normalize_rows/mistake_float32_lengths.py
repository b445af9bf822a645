# Mistake: computes the lengths in float32 "for accuracy"; a float16 or bfloat16 x divided by float32
# lengths is promoted to float32, so the result no longer has x's dtype (float64 input still looks right).
def normalize_rows(x):
    return x / x.float().pow(2).sum(dim=1, keepdim=True).sqrt()
