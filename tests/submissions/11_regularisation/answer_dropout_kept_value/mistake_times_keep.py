# Mistake: multiplies by the keep probability (1 - p), the old test-time scaling, instead of dividing by it.
answer_dropout_kept_value = 2.0 * (1 - 0.2)
