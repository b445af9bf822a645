# Mistake: SDPA's convention (True = attend) instead of key_padding_mask's (True = ignore).
answer_key_padding_mask = [[True, True, True, False], [True, False, False, False]]
