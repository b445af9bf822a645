# Headline mistake: data_ptr() is where each tensor's first element sits, so a view that starts further on
# (x[1:], x[:, 2]) looks like separate memory.
def shares_storage(a, b):
    return a.data_ptr() == b.data_ptr()
