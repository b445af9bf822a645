# Alternative: counts it out: each of the 2 prints breaks the graph, and n breaks leave n + 1 graphs.
graph_breaks = 2
answer_graph_count = graph_breaks + 1
