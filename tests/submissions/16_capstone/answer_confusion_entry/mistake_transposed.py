# Mistake: reads the matrix the other way round (row = predicted, column = true), counting 5s predicted as 3.
answer_confusion_entry = 1
