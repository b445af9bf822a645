# Mistake: gives the function's value f(3) = 27 - 18 + 5 = 14 instead of its slope f'(3).
answer_cubic_slope = 14.0
