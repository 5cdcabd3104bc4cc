"""The oracle of broadcasting_add: the broadcast shape worked out axis by axis, then one
exact sum per output entry (mpmath)."""

from __future__ import annotations

import itertools
import math

import numpy as np

from mlcanon.oracles import oracle


def _broadcast_shape(a: tuple[int, ...], b: tuple[int, ...]) -> tuple[int, ...]:
    rank = max(len(a), len(b))
    left = (1,) * (rank - len(a)) + a
    right = (1,) * (rank - len(b)) + b
    shape = []
    for m, n in zip(left, right, strict=True):
        if m != n and 1 not in (m, n):
            msg = f"shapes {a} and {b} do not broadcast (lengths {m} and {n})"
            raise ValueError(msg)
        shape.append(n if m == 1 else m)
    return tuple(shape)


def _read(array: np.ndarray, index: tuple[int, ...]) -> object:
    """The entry of ``array`` an output index reads: its trailing axes, 0 on length 1."""
    own = index[len(index) - array.ndim:]
    return array[tuple(0 if n == 1 else i for i, n in zip(own, array.shape, strict=True))]


@oracle("broadcasting_add")
def broadcasting_add(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    shape = _broadcast_shape(a.shape, b.shape)
    out = np.empty(shape, dtype=object)
    for index in itertools.product(*(range(n) for n in shape)):
        x, y = _read(a, index), _read(b, index)
        total = x + y
        if total == 0:  # mpmath has no -0: IEEE gives -0 only for -0 + -0
            both_negative_zero = all(isinstance(v, float) and math.copysign(1.0, v) < 0
                                     for v in (x, y))
            total = -0.0 if both_negative_zero else 0.0
        out[index] = total
    return out
