# Alternative: counts the parameters of the module itself.
answer_mha_params = sum(p.numel() for p in nn.MultiheadAttention(embed_dim=32, num_heads=4).parameters())
