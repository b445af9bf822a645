# Alternative: the bug's key instead of its number.
answer_changing_accuracy_bug = "eval"
