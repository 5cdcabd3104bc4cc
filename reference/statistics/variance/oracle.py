"""The oracle of variance: the plain formula (mpmath unless marked)."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle


def _divide(total: object, count: int) -> object:
    """total / count, with NumPy's answer where count <= 0: NaN for 0/0, else inf."""
    if count > 0:
        return total / count
    return mpa.mpf("nan") if total == 0 else mpa.mpf("inf")


@oracle("variance")
def variance(x: np.ndarray, *, axis: int | None = None, ddof: int = 0) -> np.ndarray:
    # Two passes at 50 digits: the mean first, then the mean squared deviation. At this
    # precision E[x^2] - E[x]^2 would agree too; the point is the definition.
    if axis is None:
        x = x.reshape(-1)
        axis = 0
    n = x.shape[axis]
    mean = np.sum(x, axis=axis, keepdims=True) / n
    squares = np.sum((x - mean) ** 2, axis=axis)
    return np.vectorize(lambda s: _divide(s, n - ddof), otypes=[object])(squares)
