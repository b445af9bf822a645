# Mistake: reads 'tensor expected' as a product of the wrong shapes (bug 3).
answer_traceback_bug = 3
