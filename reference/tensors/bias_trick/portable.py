"""The bias trick on any array namespace: concatenate a column of ones."""

from __future__ import annotations

from typing import Any

from array_api_compat import device


def bias_trick(xp: Any, x: Any, *, position: str = "last") -> Any:
    if position not in ("last", "first"):
        msg = f"position must be 'last' or 'first', got {position!r}"
        raise ValueError(msg)
    if x.ndim == 0:
        msg = "bias_trick needs a feature axis; got a 0-d input"
        raise ValueError(msg)
    ones = xp.ones((*x.shape[:-1], 1), dtype=x.dtype, device=device(x))
    parts = (x, ones) if position == "last" else (ones, x)
    return xp.concat(parts, axis=-1)
