"""Oracles of the classical_ml family: plain formulas at mpmath precision."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle


def _sigmoid(z: np.ndarray) -> np.ndarray:
    return 1 / (1 + mpa.exp(-z))


@oracle("logistic_regression")
def logistic_regression(X: np.ndarray, y: np.ndarray, w0: np.ndarray,
                        b0: np.ndarray | None = None, *, lr: float = 0.1,
                        steps: int = 20000) -> dict[str, np.ndarray]:
    n, d = X.shape
    if y.shape != (n,) or w0.shape != (d,):
        msg = f"X {X.shape}, y {y.shape} and w0 {w0.shape} must be (n, d), (n,), (d,)"
        raise ValueError(msg)
    lr = mpa.mpf(lr)
    w = w0.copy()
    b = mpa.mpf(0) if b0 is None else b0[()]
    for _ in range(steps):
        residual = _sigmoid(X @ w + b) - y  # d(mean BCE)/dz, times n
        grad_w = X.T @ residual / n
        grad_b = np.sum(residual) / n
        w, b = w - lr * grad_w, b - lr * grad_b  # simultaneous update
    return {"w": w, "b": np.array(b, dtype=object)}


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
