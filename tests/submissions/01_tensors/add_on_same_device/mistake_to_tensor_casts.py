# Mistake: b.to(a) moves b to a's device *and* converts it to a's dtype, so an int64 a with a float b
# gives an int64 result with the fractions dropped, unlike a + b (which gives float32).
def add_on_same_device(a, b):
    return a + b.to(a)
