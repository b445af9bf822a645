# Alternative: runs the function and counts the MulBackward0 nodes with graph_nodes.
def _double_until_big(x):
    y = x
    while y.norm() < 10:
        y = y * 2
    return y.sum()


answer_loop_nodes = graph_nodes(_double_until_big(torch.tensor([1.0, 1.0], requires_grad=True))).count("MulBackward0")
