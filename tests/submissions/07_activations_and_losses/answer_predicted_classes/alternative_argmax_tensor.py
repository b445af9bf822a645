# Alternative: computes the predictions with argmax over the class dimension and answers with the tensor.
logits = torch.tensor([[1.0, 3.0, -2.0],
                       [0.5, -0.5, 0.2],
                       [-1.0, -3.0, -2.0]])
answer_predicted_classes = logits.argmax(dim=1)
