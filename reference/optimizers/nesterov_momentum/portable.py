"""Nesterov momentum on a quadratic on any array namespace, Sutskever's form or the libraries'."""

from __future__ import annotations

from typing import Any

from mlcanon_reference.optimizers._portable import (
    check_choice,
    check_quadratic,
    check_unit_interval,
)


def nesterov_momentum(xp: Any, theta: Any, a: Any, b: Any, *, lr: float = 0.1,
                      beta: float = 0.9, steps: int = 1, form: str = "sutskever") -> Any:
    check_quadratic(theta, a, b, steps)
    check_unit_interval("beta", beta)
    check_choice("form", form, ("sutskever", "library"))
    v = xp.zeros_like(theta)
    path = []
    for _ in range(steps):
        if form == "sutskever":
            ahead = theta - (lr * beta) * v
            v = beta * v + (a @ ahead - b)
            theta = theta - lr * v
        else:
            # torch/optax: the parameter is the look-ahead point itself
            g = a @ theta - b
            v = beta * v + g
            theta = theta - lr * (g + beta * v)
        path.append(theta)
    return xp.stack(path)
