# Headline mistake: pad_sequence with its default batch_first=False, which returns (L_max, B), not (B, L_max).
def pad_collate(batch, padding_value=0):
    seqs = [seq for seq, _ in batch]
    padded = pad_sequence(seqs, padding_value=padding_value)
    lengths = torch.tensor([len(seq) for seq in seqs])
    labels = torch.tensor([int(label) for _, label in batch])
    return padded, lengths, labels
