# Headline mistake: adds the tensors as they are; tensors on different devices raise a RuntimeError.
def add_on_same_device(a, b):
    return a + b
