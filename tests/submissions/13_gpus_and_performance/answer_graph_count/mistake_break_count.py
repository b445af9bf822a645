# Mistake: the number of graph breaks (2), not the number of graphs.
answer_graph_count = 2
