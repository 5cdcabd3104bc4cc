"""The oracle of reshape: list the entries in the order's sequence, then fill the new
shape in the same order (entries only move)."""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence

import numpy as np

from mlcanon.oracles import oracle


def _target(shape: Sequence[int] | None, size: int) -> tuple[int, ...]:
    if shape is None:
        msg = "reshape needs a shape"
        raise TypeError(msg)
    shape = [int(n) for n in shape]
    if shape.count(-1) > 1 or any(n < -1 for n in shape):
        msg = f"bad target shape {shape}"
        raise ValueError(msg)
    if -1 in shape:
        known = math.prod(n for n in shape if n != -1)
        if known == 0 or size % known:
            msg = f"cannot infer -1 in {shape} for size {size}"
            raise ValueError(msg)
        shape[shape.index(-1)] = size // known
    if math.prod(shape) != size:
        msg = f"size {size} does not fit shape {shape}"
        raise ValueError(msg)
    return tuple(shape)


def _indices(shape: tuple[int, ...], order: str) -> list[tuple[int, ...]]:
    """Every index of ``shape``, the last axis fastest ('C') or the first ('F')."""
    if order == "C":
        return list(itertools.product(*(range(n) for n in shape)))
    return [tuple(reversed(i)) for i in itertools.product(*(range(n) for n in reversed(shape)))]


@oracle("reshape")
def reshape(x: np.ndarray, *, shape: Sequence[int] | None = None, order: str = "C") -> np.ndarray:
    if order not in ("C", "F"):
        msg = f"order must be 'C' or 'F', got {order!r}"
        raise ValueError(msg)
    target = _target(shape, x.size)
    sequence = [x[i] for i in _indices(x.shape, order)]
    y = np.empty(target, dtype=object)
    for value, index in zip(sequence, _indices(target, order), strict=True):
        y[index] = value
    return y
