"""Gradient descent on a quadratic on any array namespace: the trajectory of each update."""

from __future__ import annotations

from typing import Any


def gradient_descent(xp: Any, theta: Any, a: Any, b: Any, *, lr: float = 0.1,
                     steps: int = 1) -> Any:
    n = theta.shape[0] if theta.ndim == 1 else -1
    if n < 0 or tuple(a.shape) != (n, n) or tuple(b.shape) != (n,):
        msg = (f"need theta (n,), a (n, n), b (n,); got {tuple(theta.shape)}, "
               f"{tuple(a.shape)}, {tuple(b.shape)}")
        raise ValueError(msg)
    if steps < 1:
        msg = f"steps must be at least 1, got {steps}"
        raise ValueError(msg)
    path = []
    for _ in range(steps):
        theta = theta - lr * (a @ theta - b)  # grad of 1/2 theta^T a theta - b^T theta
        path.append(theta)
    return xp.stack(path)
