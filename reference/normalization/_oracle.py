"""Oracle helpers that several normalization concepts share."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa


def mean_over(x: np.ndarray, axis: int | tuple[int, ...]) -> np.ndarray:
    count = np.prod([x.shape[a] for a in np.atleast_1d(axis)])
    return np.sum(x, axis=axis, keepdims=True) / mpa.mpf(int(count))


def biased_var(x: np.ndarray, axis: int | tuple[int, ...]) -> np.ndarray:
    return mean_over((x - mean_over(x, axis)) ** 2, axis)

