# Mistake: measures the lengths after padding, so every length is L_max.
def pad_collate(batch, padding_value=0):
    padded = pad_sequence([seq for seq, _ in batch], batch_first=True, padding_value=padding_value)
    lengths = torch.tensor([len(row) for row in padded])
    labels = torch.tensor([int(label) for _, label in batch])
    return padded, lengths, labels
