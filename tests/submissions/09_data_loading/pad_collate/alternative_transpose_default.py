# Alternative: pad_sequence's default (L_max, B, ...) layout, then transpose(0, 1): a non-contiguous view, but
# with the right shape and values; zip(*batch) to unzip the items.
def pad_collate(batch, padding_value=0):
    seqs, labels = zip(*batch)
    padded = pad_sequence(list(seqs), padding_value=padding_value).transpose(0, 1)
    lengths = torch.tensor([s.shape[0] for s in seqs])
    return padded, lengths, torch.tensor([int(label) for label in labels])
