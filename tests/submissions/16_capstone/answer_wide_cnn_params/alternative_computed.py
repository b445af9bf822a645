# Alternative: builds the model and counts its parameters in code.
answer_wide_cnn_params = sum(p.numel() for p in make_cnn(channels=(32, 64)).parameters())
