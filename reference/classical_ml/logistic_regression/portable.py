"""Logistic regression by full-batch gradient descent on any array namespace."""

from __future__ import annotations

from typing import Any

from array_api_compat import device


def logistic_regression(xp: Any, X: Any, y: Any, w0: Any, b0: Any | None = None, *,
                        lr: float = 0.1, steps: int = 20000) -> tuple[Any, Any]:
    _check(X, y, w0)
    n = X.shape[0]
    w = w0
    b = xp.zeros((), dtype=X.dtype, device=device(X)) if b0 is None else b0
    for _ in range(steps):
        # the gradient of the mean BCE is sigmoid(z) - y exactly, also where sigmoid
        # saturates to 0 or 1; w and b move together from the current point
        residual = _sigmoid(xp, X @ w + b) - y
        w, b = w - lr * (X.T @ residual) / n, b - lr * xp.sum(residual) / n
    return w, b


def _sigmoid(xp: Any, z: Any) -> Any:
    # from exp(-|z|) <= 1: no overflow at z = -200, and 1 - sigmoid keeps its digits
    e = xp.exp(-xp.abs(z))
    return xp.where(z >= 0, 1 / (1 + e), e / (1 + e))


def _check(X: Any, y: Any, w0: Any) -> None:
    if X.ndim != 2 or tuple(y.shape) != (X.shape[0],) or tuple(w0.shape) != (X.shape[1],):
        msg = (f"X, y and w0 must be (n, d), (n,) and (d,), "
               f"got {tuple(X.shape)}, {tuple(y.shape)} and {tuple(w0.shape)}")
        raise ValueError(msg)
