# Mistake: off by one: counts a doubling for the final check that stops the loop.
answer_loop_nodes = 4
