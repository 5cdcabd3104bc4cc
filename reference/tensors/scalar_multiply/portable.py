"""Scalar multiplication on any array namespace, the product rounded once to v's dtype."""

from __future__ import annotations

from typing import Any


def scalar_multiply(xp: Any, v: Any, *, scalar: float | None = None) -> Any:
    if scalar is None:
        msg = "scalar_multiply needs a scalar, got None"
        raise TypeError(msg)
    if v.dtype == xp.float64:
        return v * scalar
    # v * scalar would cast the scalar to v's dtype first: 2**17 is inf in float16. In
    # float64 the product of a narrower float and the scalar is close to exact.
    return xp.astype(xp.astype(v, xp.float64) * scalar, v.dtype)
