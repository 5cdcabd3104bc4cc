"""Reshape on any array namespace: the canon's checks, then xp.reshape (C order) or the
column-major order through reversed axes."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any


def _check(shape: Sequence[int] | None, size: int) -> tuple[int, ...]:
    if shape is None:
        msg = "reshape needs a shape, got None"
        raise TypeError(msg)
    shape = tuple(int(n) for n in shape)
    if shape.count(-1) > 1 or any(n < -1 for n in shape):
        msg = f"a shape has lengths >= 0 and at most one -1, got {shape}"
        raise ValueError(msg)
    known = math.prod(n for n in shape if n != -1)
    fits = (size % known == 0) if (-1 in shape and known) else known == size
    if not fits or (-1 in shape and known == 0):
        msg = f"cannot reshape {size} entries into {shape}"
        raise ValueError(msg)
    return shape


def reshape(xp: Any, x: Any, *, shape: Sequence[int] | None = None, order: str = "C") -> Any:
    if order not in ("C", "F"):
        msg = f"order must be 'C' or 'F', got {order!r}"
        raise ValueError(msg)
    target = _check(shape, math.prod(x.shape))
    if order == "C":
        return xp.reshape(x, target)
    # column-major = row-major on the reversed axes: reverse, reshape to the reversed
    # target, reverse back
    backwards = xp.permute_dims(x, tuple(reversed(range(x.ndim))))
    y = xp.reshape(backwards, tuple(reversed(target)))
    return xp.permute_dims(y, tuple(reversed(range(y.ndim))))
