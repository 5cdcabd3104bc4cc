"""Gradient descent on a quadratic on any array namespace: the trajectory of each update."""

from __future__ import annotations

from typing import Any

from mlcanon_reference.optimizers._portable import check_quadratic


def gradient_descent(xp: Any, theta: Any, a: Any, b: Any, *, lr: float = 0.1,
                     steps: int = 1) -> Any:
    check_quadratic(theta, a, b, steps)
    path = []
    for _ in range(steps):
        theta = theta - lr * (a @ theta - b)  # grad of 1/2 theta^T a theta - b^T theta
        path.append(theta)
    return xp.stack(path)
