"""The oracle of newton_optimization: f' and f'' from the power sums, in mpmath."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle

INF = mpa.mpf("inf")


def _quotient(num: object, den: object) -> object:
    # IEEE division: mpmath raises on a zero divisor
    if den != 0:
        return num / den
    if num == 0 or mpa.mp.isnan(num):
        return mpa.mpf("nan")
    return INF if num > 0 else -INF


def _newton(c: list, x: object) -> object:
    if mpa.mp.isnan(x) or mpa.mp.isinf(x):
        # at +-inf both derivatives are infinite (degree >= 2): inf / inf
        return mpa.mpf("nan")
    d1 = sum(k * c[k] * x ** (k - 1) for k in range(1, len(c)))
    d2 = sum(k * (k - 1) * c[k] * x ** (k - 2) for k in range(2, len(c)))
    return x - _quotient(d1, d2)


@oracle("newton_optimization")
def newton_optimization(coeffs: np.ndarray, x0: np.ndarray, *, steps: int = 1) -> np.ndarray:
    c = list(coeffs)
    x = np.asarray(x0, dtype=object)
    path = []
    for _ in range(steps):
        x = np.vectorize(lambda v: _newton(c, v), otypes=[object])(x)
        path.append(x)
    return np.stack(path)
