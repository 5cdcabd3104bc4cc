"""Gradient clipping by L2 norm on any array namespace, over all tensors or each one."""

from __future__ import annotations

from typing import Any

from mlcanon_reference.optimizers._portable import check_choice


def gradient_clipping(xp: Any, grads: Any, *, max_norm: float = 1.0,
                      scope: str = "global") -> Any:
    if not max_norm > 0:
        msg = f"max_norm must be positive, got {max_norm!r}"
        raise ValueError(msg)
    check_choice("scope", scope, ("global", "per_tensor"))
    if grads.ndim < 1:
        msg = "grads needs a leading axis of parameter tensors"
        raise ValueError(msg)
    axes = tuple(range(grads.ndim)) if scope == "global" else tuple(range(1, grads.ndim))
    if not axes:  # per-tensor clipping of scalars: each norm is |g|
        norm = xp.abs(grads)
    else:
        # scale by the largest |g| first so squares neither overflow nor underflow
        big = xp.max(xp.abs(grads), axis=axes, keepdims=True)
        safe = xp.where(xp.isfinite(big) & (big > 0), big, xp.ones_like(big))
        norm = safe * xp.sqrt(xp.sum((grads / safe) ** 2, axis=axes, keepdims=True))
    return grads * (max_norm / xp.maximum(norm, xp.full_like(norm, max_norm)))
