"""NumPy native bindings: statistics."""

from __future__ import annotations

import numpy as np

from mlcanon import native


@native("numpy.var")
def variance(x: np.ndarray, *, axis: int | None = None, ddof: int = 0) -> np.ndarray:
    return np.var(x, axis=axis, ddof=ddof)
