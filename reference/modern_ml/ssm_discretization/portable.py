"""Discretize a diagonal SSM and run its recurrence on any array namespace."""

from __future__ import annotations

from typing import Any

from mlcanon_reference.modern_ml._portable import linear_recurrence

METHODS = ("zoh", "bilinear", "mamba")


def _zoh_b(xp: Any, A: Any, B: Any, delta: float) -> Any:
    """(exp(delta·A) - 1)/A · B through expm1, with its limit delta·B at A = 0."""
    z = delta * A
    small = z == 0  # expm1(z)/z keeps its digits for every other z, subnormals included
    safe = xp.where(small, xp.ones_like(z), z)
    return xp.where(small, xp.ones_like(z), xp.expm1(safe) / safe) * delta * B


def ssm_discretization(xp: Any, A: Any, B: Any, C: Any, D: Any, u: Any, *, delta: float = 0.1,
                       method: str = "zoh") -> dict[str, Any]:
    if method not in METHODS:
        msg = f"method must be one of {METHODS}, got {method!r}"
        raise ValueError(msg)
    if not delta > 0:
        msg = f"delta must be > 0, got {delta!r}"
        raise ValueError(msg)
    if A.ndim != 1 or tuple(B.shape) != tuple(A.shape) or tuple(C.shape) != tuple(A.shape) \
            or D.ndim != 0 or u.ndim < 1:
        msg = (f"A {tuple(A.shape)}, B {tuple(B.shape)}, C {tuple(C.shape)} must be (N,), "
               f"D {tuple(D.shape)} a scalar and u {tuple(u.shape)} (..., L)")
        raise ValueError(msg)
    if method == "bilinear":
        denominator = 1 - delta * A / 2
        if xp.any(denominator == 0):
            msg = "the bilinear rule is singular where delta·A = 2"
            raise ValueError(msg)
        a_bar, b_bar = (1 + delta * A / 2) / denominator, delta * B / denominator
    else:
        a_bar = xp.exp(delta * A)
        b_bar = _zoh_b(xp, A, B, delta) if method == "zoh" else delta * B
    states = linear_recurrence(xp, a_bar, b_bar[..., None, :] * u[..., None])  # (..., L, N)
    y = xp.sum(states * C, axis=-1) + D * u
    return {"A_bar": a_bar, "B_bar": b_bar, "y": y}
