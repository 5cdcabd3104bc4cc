"""The oracle of magnitude_pruning: rank by (|w|, position), prune the first k (mpmath)."""

from __future__ import annotations

import math

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle

mp = mpa.mp


def _key(value: object, position: int) -> tuple:
    if mp.isnan(value):
        return (2, 0, position)  # NaN is the largest magnitude
    magnitude = abs(value)
    if mp.isinf(magnitude):
        return (2, 0, position)  # ties with NaN, by position
    return (1, magnitude, position)


def _times_zero(value: object) -> object:
    """value · 0 with IEEE's sign (mpmath has no -0.0; the float -0.0 stands for it)."""
    if isinstance(value, float):
        return math.copysign(0.0, value)
    if mp.isnan(value) or mp.isinf(value):
        return mp.nan  # inf · 0 and NaN · 0 are NaN, as w · mask gives
    return -0.0 if value < 0 else mp.mpf(0)


@oracle("magnitude_pruning")
def magnitude_pruning(w: np.ndarray, *, sparsity: float = 0.5) -> dict[str, np.ndarray]:
    if not 0.0 <= sparsity <= 1.0:
        msg = f"sparsity {sparsity!r} outside [0, 1]"
        raise ValueError(msg)
    flat = list(w.reshape(-1))
    k = round(sparsity * len(flat))  # Python's round: half to even
    ranked = sorted(range(len(flat)), key=lambda i: _key(mp.mpf(flat[i]), i))
    keep = [True] * len(flat)
    for i in ranked[:k]:
        keep[i] = False
    pruned = [v if kept else _times_zero(v) for v, kept in zip(flat, keep, strict=True)]
    mask = np.array(keep, dtype=bool).reshape(w.shape)
    return {"pruned": np.array(pruned, dtype=object).reshape(w.shape), "mask": mask}
