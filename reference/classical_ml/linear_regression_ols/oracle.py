"""The oracle of linear_regression_ols: the plain formula (mpmath unless marked)."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle


def _pinv_solve(a: np.ndarray, rhs: np.ndarray) -> np.ndarray:
    """Minimum-norm least-squares solution: V diag(1/s) U^T rhs over the non-zero s."""
    n, d = a.shape
    u, s, vh = mpa.mp.svd_r(mpa.mp.matrix(a.tolist()))
    singular = [s[i] for i in range(min(n, d))]
    cutoff = max(singular, default=0) * mpa.mpf(10) ** (-(mpa.DPS // 2))
    coef = np.array([mpa.mpf(0)] * d, dtype=object)
    for i, sigma in enumerate(singular):
        if sigma > cutoff:  # exactly rank-deficient directions carry s ~ 10**-DPS
            along = sum(u[r, i] * rhs[r] for r in range(n)) / sigma
            coef = coef + along * np.array([vh[i, j] for j in range(d)], dtype=object)
    return coef


@oracle("linear_regression_ols")
def linear_regression_ols(X: np.ndarray, y: np.ndarray, *,
                          fit_intercept: bool = True) -> dict[str, np.ndarray]:
    n = X.shape[0]
    if y.shape != (n,):
        msg = f"X {X.shape} and y {y.shape} must be (n, d) and (n,)"
        raise ValueError(msg)
    if fit_intercept:
        x_mean = np.sum(X, axis=0) / mpa.mpf(n)
        y_mean = np.sum(y) / mpa.mpf(n)
        coef = _pinv_solve(X - x_mean, y - y_mean)
        intercept = y_mean - np.sum(x_mean * coef)
    else:
        coef = _pinv_solve(X, y)
        intercept = mpa.mpf(0)
    return {"coef": coef, "intercept": np.array(intercept, dtype=object)}
