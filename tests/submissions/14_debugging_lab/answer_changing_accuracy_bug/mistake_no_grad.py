# Mistake: blames the missing no_grad (bug 8), which the question rules out.
answer_changing_accuracy_bug = 8
