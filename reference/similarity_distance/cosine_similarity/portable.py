"""Cosine similarity on any array namespace, each norm clamped from below by eps."""

from __future__ import annotations

from typing import Any

from array_api_compat import device


def cosine_similarity(xp: Any, a: Any, b: Any, *, axis: int = -1, eps: float = 1e-8) -> Any:
    a, b = xp.broadcast_arrays(a, b)
    if not -a.ndim <= axis < a.ndim:
        msg = f"axis {axis} is out of range for inputs with {a.ndim} dimensions"
        raise IndexError(msg)
    floor = xp.asarray(eps, dtype=a.dtype, device=device(a))
    # Each norm is clamped on its own (torch's rule), so a zero vector gives 0 / eps^2 = 0,
    # not 0 / 0; clamping the product instead would change tiny-norm results.
    norm_a = xp.maximum(xp.linalg.vector_norm(a, axis=axis), floor)
    norm_b = xp.maximum(xp.linalg.vector_norm(b, axis=axis), floor)
    return xp.sum(a * b, axis=axis) / (norm_a * norm_b)
