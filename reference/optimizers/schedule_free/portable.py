"""Schedule-free SGD on a quadratic on any array namespace: step z at the interpolation y,
average z into x with weight 1 / t."""

from __future__ import annotations

from typing import Any

from mlcanon_reference.optimizers._portable import check_quadratic


def schedule_free(xp: Any, theta: Any, a: Any, b: Any, *, lr: float = 1.0, beta: float = 0.9,
                  steps: int = 1) -> Any:
    check_quadratic(theta, a, b, steps)
    if not 0.0 <= beta <= 1.0:
        msg = f"beta must lie in [0, 1], got {beta!r}"
        raise ValueError(msg)
    z = theta
    x = theta
    path = []
    for t in range(1, steps + 1):
        y = (1 - beta) * z + beta * x  # where the gradient is taken
        z = z - lr * (a @ y - b)  # grad of 1/2 theta^T a theta - b^T theta
        c = 1.0 / t  # constant lr: uniform average of z_2 .. z_(t+1)
        x = (1 - c) * x + c * z
        path.append(x)
    return xp.stack(path)
