# Mistake: moves a to b's device instead of b to a's, so the result lives on the wrong device
# (and copying out of a meta tensor fails).
def add_on_same_device(a, b):
    return a.to(b.device) + b
