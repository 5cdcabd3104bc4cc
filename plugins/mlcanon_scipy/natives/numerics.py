"""SciPy native bindings: numerics (scipy.special)."""

from __future__ import annotations

import numpy as np
import scipy.special

from mlcanon import native


@native("scipy.special.logsumexp")
def logsumexp(x: np.ndarray, *, axis: int = -1, keepdims: bool = False) -> np.ndarray:
    return scipy.special.logsumexp(x, axis=axis, keepdims=keepdims)
