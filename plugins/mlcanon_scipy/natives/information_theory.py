"""SciPy native bindings: information theory (scipy.stats.entropy)."""

from __future__ import annotations

import numpy as np
import scipy.stats

from mlcanon import native


def _scipy_base(base: float | str) -> float | None:
    return None if base == "e" else base  # scipy's None is the natural log


@native("scipy.stats.entropy")
def entropy(p: np.ndarray, *, axis: int = -1, base: float | str = "e") -> np.ndarray:
    return scipy.stats.entropy(p, base=_scipy_base(base), axis=axis)


@native("scipy.stats.entropy")
def kl_divergence(p: np.ndarray, q: np.ndarray, *, axis: int = -1,
                  base: float | str = "e") -> np.ndarray:
    return scipy.stats.entropy(p, q, base=_scipy_base(base), axis=axis)
