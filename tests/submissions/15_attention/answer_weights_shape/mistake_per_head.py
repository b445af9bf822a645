# Mistake: the per-head shape (B, H, L_q, L_k), which needs average_attn_weights=False.
answer_weights_shape = (2, 4, 5, 7)
