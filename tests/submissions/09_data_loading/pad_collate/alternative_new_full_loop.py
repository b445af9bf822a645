# Alternative: a hand-written loop into seqs[0].new_full(...) (same dtype and device as the sequences), labels
# stacked from torch.as_tensor.
def pad_collate(batch, padding_value=0):
    seqs = [seq for seq, _ in batch]
    longest = max(len(seq) for seq in seqs)
    padded = seqs[0].new_full((len(seqs), longest, *seqs[0].shape[1:]), padding_value)
    for i, seq in enumerate(seqs):
        padded[i, :len(seq)] = seq
    lengths = torch.tensor([len(seq) for seq in seqs], dtype=torch.long)
    labels = torch.stack([torch.as_tensor(label, dtype=torch.long) for _, label in batch])
    return padded, lengths, labels
