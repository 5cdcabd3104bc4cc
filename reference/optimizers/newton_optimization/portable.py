"""Newton's method for a polynomial objective on any array namespace, elementwise over the
starting points."""

from __future__ import annotations

from typing import Any


def _horner(xp: Any, coefficients: Any, x: Any) -> Any:
    """sum_k coefficients[k] x^k, highest power first."""
    total = xp.zeros_like(x) + coefficients[-1]
    for k in range(coefficients.shape[0] - 2, -1, -1):
        total = total * x + coefficients[k]
    return total


def newton_optimization(xp: Any, coeffs: Any, x0: Any, *, steps: int = 1) -> Any:
    if coeffs.ndim != 1 or coeffs.shape[0] < 3:
        msg = (f"coeffs must be a vector of at least 3 (degree >= 2) coefficients, got "
               f"shape {tuple(coeffs.shape)}")
        raise ValueError(msg)
    if steps < 1:
        msg = f"steps must be at least 1, got {steps}"
        raise ValueError(msg)
    degree = coeffs.shape[0] - 1
    powers = xp.arange(1, degree + 1, dtype=coeffs.dtype)
    first = coeffs[1:] * powers  # f' coefficients, ascending
    second = first[1:] * powers[:-1]  # f'' coefficients
    x = x0
    path = []
    for _ in range(steps):
        x = x - _horner(xp, first, x) / _horner(xp, second, x)
        path.append(x)
    return xp.stack(path)
