# Mistake: pads into torch.zeros(...), which is float32 whatever the sequences' dtype (int64 token ids here).
def pad_collate(batch, padding_value=0):
    seqs = [seq for seq, _ in batch]
    longest = max(len(seq) for seq in seqs)
    padded = torch.zeros((len(seqs), longest) + tuple(seqs[0].shape[1:]))
    padded.fill_(padding_value)
    for i, seq in enumerate(seqs):
        padded[i, :len(seq)] = seq
    lengths = torch.tensor([len(seq) for seq in seqs])
    labels = torch.tensor([int(label) for _, label in batch])
    return padded, lengths, labels
