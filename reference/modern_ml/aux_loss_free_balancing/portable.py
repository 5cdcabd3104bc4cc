"""Auxiliary-loss-free balancing on any array namespace: biased selection, unbiased weights."""

from __future__ import annotations

from typing import Any


def aux_loss_free_balancing(xp: Any, scores: Any, bias: Any, *, top_k: int = 2,
                            gamma: float = 0.001) -> dict[str, Any]:
    n_experts = scores.shape[-1] if scores.ndim else 0
    if not 1 <= top_k <= n_experts:
        msg = f"top_k must lie in [1, {n_experts}] (the number of experts), got {top_k}"
        raise ValueError(msg)
    if gamma < 0:
        msg = f"gamma must be >= 0, got {gamma!r}"
        raise ValueError(msg)
    if tuple(bias.shape) != (n_experts,):
        msg = f"bias shape {tuple(bias.shape)} must be ({n_experts},), one per expert"
        raise ValueError(msg)
    # the bias decides which experts; ties to the lower index (a stable descending sort)
    indices = xp.argsort(scores + bias, axis=-1, descending=True, stable=True)[..., :top_k]
    chosen = indices[..., None] == xp.arange(n_experts, dtype=indices.dtype)  # (..., k, E)
    selected = xp.any(chosen, axis=-2)
    kept = xp.where(selected, scores, xp.zeros_like(scores))  # unbiased affinities only
    weights = kept / xp.sum(kept, axis=-1, keepdims=True)
    flat = xp.reshape(selected, (-1, n_experts))
    load = xp.sum(xp.astype(flat, xp.int64), axis=0)
    # sign(mean - load) = sign(sum(load) - E·load): integers, no rounding of the mean
    step = xp.astype(xp.sign(xp.sum(load) - n_experts * load), bias.dtype)
    return {"indices": indices, "weights": weights, "load": load, "new_bias": bias + gamma * step}
