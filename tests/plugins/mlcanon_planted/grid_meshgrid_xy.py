"""Planted bug: the decision grid built with np.meshgrid's default 'xy' indexing, so the
first coordinate varies fastest instead of slowest."""

import math

import numpy as np


def decision_grid(*, start=0.0, stop=1.0, step=0.01, stop_inclusive=False):
    if not step > 0 or not stop > start:
        raise ValueError("need step > 0 and stop > start")
    steps = (stop - start) / step
    count = math.floor(steps + 1e-9) + 1 if stop_inclusive else math.ceil(steps - 1e-9)
    values = start + np.arange(count, dtype=np.float64) * step
    rows, columns = np.meshgrid(values, values)  # the bug: indexing="xy"
    return np.stack([rows.ravel(), columns.ravel()], axis=1)
