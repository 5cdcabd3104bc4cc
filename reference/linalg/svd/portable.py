"""Singular value decomposition on any array namespace (signs canonicalized by the harness)."""

from __future__ import annotations

from typing import Any


def svd(xp: Any, a: Any, *, full_matrices: bool = False) -> tuple[Any, Any, Any]:
    if a.ndim < 2:
        msg = f"svd needs a matrix (..., m, n), got shape {a.shape}"
        raise ValueError(msg)
    u, s, vh = xp.linalg.svd(a, full_matrices=full_matrices)
    return u, s, vh
