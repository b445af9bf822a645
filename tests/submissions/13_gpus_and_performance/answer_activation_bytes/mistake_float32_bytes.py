# Mistake: 4 bytes per element, as for float32.
answer_activation_bytes = 64 * 512 * 32 * 4
