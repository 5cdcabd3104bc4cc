"""Variance on any array namespace in two passes: the mean, then the squared deviations."""

from __future__ import annotations

import math
from typing import Any

from array_api_compat import size


def variance(xp: Any, x: Any, *, axis: int | None = None, ddof: int = 0) -> Any:
    # two passes: E[x^2] - E[x]^2 loses every digit when the mean is large against the spread
    deviations = x - xp.mean(x, axis=axis, keepdims=True)
    squares = xp.sum(deviations * deviations, axis=axis)
    count = size(x) if axis is None else x.shape[axis]
    if count - ddof == 0:
        return squares * math.nan  # 0/0, as NumPy, without its divide warning
    return squares / (count - ddof)
