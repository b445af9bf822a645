# Alternative: asks a DataLoader over range(1000) (a list-like dataset) for its length.
answer_num_batches = len(DataLoader(range(1000), batch_size=64))
