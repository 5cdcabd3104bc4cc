"""The oracle of decision_grid: the axis values in exact rational arithmetic, rounded
once, then every pair in row-major order (float64)."""

from __future__ import annotations

import math
from fractions import Fraction

import numpy as np

from mlcanon.oracles import oracle

SLACK = Fraction(1, 10**9)  # a stop within 1e-9 steps of a grid value counts as reached


@oracle("decision_grid", precision="float64")
def decision_grid(*, start: float = 0.0, stop: float = 1.0, step: float = 0.01,
                  stop_inclusive: bool = False) -> np.ndarray:
    first, last, delta = Fraction(start), Fraction(stop), Fraction(step)
    if delta <= 0 or last <= first:
        msg = f"need step > 0 and stop > start, got start={start}, stop={stop}, step={step}"
        raise ValueError(msg)
    steps = (last - first) / delta
    count = math.floor(steps + SLACK) + 1 if stop_inclusive else math.ceil(steps - SLACK)
    values = [float(first + i * delta) for i in range(count)]
    return np.array([[a, b] for a in values for b in values], dtype=np.float64)
