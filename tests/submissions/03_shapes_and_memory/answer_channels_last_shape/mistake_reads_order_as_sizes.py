# Mistake: moves the channel axis to the wrong place (reads permute(0, 2, 3, 1) as "axis 1 goes to position 2").
answer_channels_last_shape = (8, 32, 3, 32)
