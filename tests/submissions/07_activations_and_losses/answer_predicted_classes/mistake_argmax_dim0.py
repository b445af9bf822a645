# Mistake: argmax over dim=0 picks, for each class, the example with the largest logit.
logits = torch.tensor([[1.0, 3.0, -2.0],
                       [0.5, -0.5, 0.2],
                       [-1.0, -3.0, -2.0]])
answer_predicted_classes = logits.argmax(dim=0)
