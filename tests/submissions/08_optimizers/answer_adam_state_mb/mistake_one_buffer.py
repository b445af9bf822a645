# Mistake: counts only one buffer per parameter (10 million * 4 bytes).
answer_adam_state_mb = 40
