"""A decision grid on any array namespace: the axis values, then all pairs ('ij')."""

from __future__ import annotations

import math
from typing import Any


def decision_grid(xp: Any, *, start: float = 0.0, stop: float = 1.0, step: float = 0.01,
                  stop_inclusive: bool = False) -> Any:
    if not step > 0 or not stop > start:
        msg = f"need step > 0 and stop > start, got start={start}, stop={stop}, step={step}"
        raise ValueError(msg)
    steps = (stop - start) / step
    # a stop within 1e-9 steps of a grid value counts as reached (decimal steps round)
    count = math.floor(steps + 1e-9) + 1 if stop_inclusive else math.ceil(steps - 1e-9)
    values = start + xp.arange(count, dtype=xp.float64) * step
    rows, columns = xp.meshgrid(values, values, indexing="ij")
    return xp.stack([xp.reshape(rows, (-1,)), xp.reshape(columns, (-1,))], axis=1)
