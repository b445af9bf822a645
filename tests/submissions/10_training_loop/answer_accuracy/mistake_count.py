# Mistake: the number of correct predictions (3) instead of the fraction.
answer_accuracy = 3
