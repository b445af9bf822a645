# Mistake: the mean of the four batch means, which gives the batch of 4 the weight of a batch of 25.
answer_epoch_loss = (0.5 + 0.5 + 0.5 + 3.0) / 4
