# Mistake: adds b into a in place (a.add_), so the caller's a changes and the result is a itself.
def add_on_same_device(a, b):
    return a.add_(b.to(a.device))
