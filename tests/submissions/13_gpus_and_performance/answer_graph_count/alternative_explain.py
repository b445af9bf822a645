# Alternative: asks Dynamo itself.
def _f(x):
    x = x * 2
    print("scaled")
    x = x + 1
    print("shifted")
    return x.relu()


torch._dynamo.reset()
answer_graph_count = torch._dynamo.explain(_f)(torch.randn(8)).graph_count
