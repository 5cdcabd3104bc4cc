"""Classical machine learning in NumPy."""

from __future__ import annotations

import numpy as np


def logistic_regression(X: np.ndarray, y: np.ndarray, w0: np.ndarray,
                        b0: np.ndarray | None = None, *, lr: float = 0.1,
                        steps: int = 20000) -> tuple[np.ndarray, np.ndarray]:
    n, d = X.shape
    if y.shape != (n,) or w0.shape != (d,):
        msg = f"X {X.shape}, y {y.shape} and w0 {w0.shape} must be (n, d), (n,), (d,)"
        raise ValueError(msg)
    w = w0.copy()
    b = np.zeros((), dtype=X.dtype) if b0 is None else b0.copy()
    lr = np.asarray(lr, dtype=X.dtype)
    for _ in range(steps):
        p = np.exp(-np.logaddexp(0, -(X @ w + b)))  # sigmoid without overflow
        residual = p - y
        w, b = w - lr * (X.T @ residual) / n, b - lr * residual.mean()
    return w, np.asarray(b, dtype=X.dtype)


def linear_regression_ols(X: np.ndarray, y: np.ndarray, *,
                          fit_intercept: bool = True) -> tuple[np.ndarray, np.ndarray]:
    if X.ndim != 2 or y.shape != X.shape[:1]:
        msg = f"X {X.shape} and y {y.shape} must be (n, d) and (n,)"
        raise ValueError(msg)
    if not fit_intercept:
        coef = np.linalg.lstsq(X, y, rcond=None)[0]
        return coef, np.zeros((), dtype=X.dtype)
    x_mean, y_mean = X.mean(axis=0), y.mean()
    coef = np.linalg.lstsq(X - x_mean, y - y_mean, rcond=None)[0]
    return coef, np.asarray(y_mean - x_mean @ coef, dtype=X.dtype)
