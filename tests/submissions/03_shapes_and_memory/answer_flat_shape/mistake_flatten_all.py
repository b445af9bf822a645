# Mistake: thinks -1 flattens everything, batch included.
answer_flat_shape = (8 * 3 * 32 * 32,)
