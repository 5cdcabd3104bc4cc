"""Optimizing a quadratic in two variables under a linear constraint by substitution, on any
array namespace."""

from __future__ import annotations

from typing import Any


def constraint_substitution(xp: Any, f: Any, g: Any) -> tuple[Any, Any]:
    if tuple(f.shape) != (5,) or tuple(g.shape) != (3,):
        msg = f"need f (5,) and g (3,), got {tuple(f.shape)} and {tuple(g.shape)}"
        raise ValueError(msg)
    fxx, fxy, fyy, fx, fy = (f[i] for i in range(5))
    a, b, c = (g[i] for i in range(3))
    if float(a) == 0 and float(b) == 0:
        msg = "the constraint a x + b y = c needs a or b nonzero"
        raise ValueError(msg)
    # eliminate the variable with the larger coefficient (pivoting): dividing by a tiny b
    # would amplify rounding; to eliminate x, swap the roles of x and y
    swap = abs(float(a)) > abs(float(b))
    if swap:
        fxx, fyy, fx, fy, a, b = fyy, fxx, fy, fx, b, a
    # y = (c - a x) / b = p + q x turns f into the parabola A x^2 + B x + C
    p, q = c / b, -a / b
    curvature = fxx + fxy * q + fyy * q * q
    slope = fxy * p + 2 * fyy * p * q + fx + fy * q
    if float(curvature) == 0:
        msg = "f is linear along the constraint: no stationary point"
        raise ValueError(msg)
    u = -slope / (2 * curvature)
    v = p + q * u
    value = fxx * u * u + fxy * u * v + fyy * v * v + fx * u + fy * v
    point = xp.stack([v, u]) if swap else xp.stack([u, v])
    return point, value
