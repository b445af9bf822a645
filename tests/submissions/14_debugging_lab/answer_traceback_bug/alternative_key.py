# Alternative: the bug's key instead of its number.
answer_traceback_bug = "shape"
