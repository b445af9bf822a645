# Alternative: the right value written as an int.
answer_from_numpy_value = 5
