# Alternative: the remainder, computed.
answer_skipped_examples = 1000 % 64
