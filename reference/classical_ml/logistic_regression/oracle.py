"""The oracle of logistic_regression: the plain formula (mpmath unless marked)."""

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
