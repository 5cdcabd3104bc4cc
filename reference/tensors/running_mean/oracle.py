"""The oracle of running_mean: each prefix summed from scratch and divided by its length
(mpmath)."""

from __future__ import annotations

import numpy as np

from mlcanon.oracles import oracle


@oracle("running_mean")
def running_mean(x: np.ndarray, *, axis: int = -1) -> np.ndarray:
    if not -x.ndim <= axis < x.ndim:
        msg = f"axis {axis} is outside an array of {x.ndim} axes"
        raise ValueError(msg)
    moved = np.moveaxis(x, axis, -1)
    y = np.empty(moved.shape, dtype=object)
    for series in np.ndindex(moved.shape[:-1]):
        values = moved[series]
        for k in range(1, values.shape[0] + 1):
            total = values[0]
            for value in values[1:k]:
                total = total + value
            y[(*series, k - 1)] = total / k if k > 1 else total
    return np.moveaxis(y, -1, axis)
