# Alternative: an int, 80, rather than a float.
answer_adam_state_mb = 80
