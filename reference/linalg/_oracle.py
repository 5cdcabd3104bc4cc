"""Oracle helpers that several linalg concepts share."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from mlcanon import mparray as mpa

mp = mpa.mp


def to_matrix(a: np.ndarray) -> object:
    return mp.matrix(a.tolist())


def to_array(m: object) -> np.ndarray:
    return np.array(m.tolist(), dtype=object).reshape(m.rows, m.cols)


def batched(a: np.ndarray, one: Callable[[np.ndarray], tuple[np.ndarray, ...]]
             ) -> tuple[np.ndarray, ...]:
    """Apply ``one`` to every matrix of the batch axes and stack each output."""
    batch = a.shape[:-2]
    results = {index: one(a[index]) for index in np.ndindex(batch)}
    first = results[(0,) * len(batch)]
    stacked = []
    for k, part in enumerate(first):
        out = np.empty(batch + part.shape, dtype=object)
        for index, parts in results.items():
            out[index] = parts[k]
        stacked.append(out)
    return tuple(stacked)


def sign_of_largest(vector: np.ndarray) -> int:
    """+1 or -1: the sign of the entry of largest magnitude (the first of ties)."""
    magnitudes = [abs(v) for v in vector]
    return 1 if vector[magnitudes.index(max(magnitudes))] >= 0 else -1

