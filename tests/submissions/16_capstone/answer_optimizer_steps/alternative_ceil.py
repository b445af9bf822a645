# Alternative: computes the number of batches with math.ceil.
import math
answer_optimizer_steps = 8 * math.ceil(1400 / 64)
