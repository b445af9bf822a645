# Mistake: reads unsqueeze(-1) as "insert before the last axis", as if both added axes went in front.
answer_unsqueeze_shape = (1, 1, 5)
