"""Muon's Newton-Schulz orthogonalization on any array namespace."""

from __future__ import annotations

from typing import Any

from mlcanon_reference.optimizers._portable import check_choice

# (a, b, c) of X <- a X + b (X X^T) X + c (X X^T)^2 X
COEFFICIENTS = {"quintic": (3.4445, -4.7750, 2.0315), "cubic": (1.5, -0.5, 0.0)}


def muon_newton_schulz(xp: Any, g: Any, *, steps: int = 5, form: str = "quintic",
                       eps: float = 1e-7) -> Any:
    if g.ndim != 2:
        msg = f"g must be a matrix (m, n), got shape {tuple(g.shape)}"
        raise ValueError(msg)
    check_choice("form", form, tuple(COEFFICIENTS))
    if steps < 0:
        msg = f"steps must be >= 0, got {steps!r}"
        raise ValueError(msg)
    if eps < 0:
        msg = f"eps must be >= 0, got {eps!r}"
        raise ValueError(msg)
    a, b, c = COEFFICIENTS[form]
    # the Frobenius norm through the largest entry, so squares of large entries cannot
    # overflow (the result does not depend on the scale of g)
    top = xp.max(xp.abs(g))
    safe = xp.where(top > 0, top, xp.ones_like(top))
    norm = safe * xp.sqrt(xp.sum((g / safe) ** 2))
    x = g / (norm + eps)
    wide = g.shape[0] <= g.shape[1]
    if not wide:
        x = x.T  # the Gram matrix X X^T of the shorter side is the cheaper one
    for _ in range(steps):
        gram = x @ x.T
        x = a * x + (b * gram + c * (gram @ gram)) @ x
    return x if wide else x.T
