"""Top-k mixture-of-experts routing on any array namespace.

Experts are chosen by a stable descending sort of the logits; the capacity rule counts
assignments with cumulative sums over the flattened tokens, one choice rank at a time.
"""

from __future__ import annotations

from typing import Any

ORDERS = ("softmax_topk", "topk_softmax")


def _validate(logits: Any, expert_outputs: Any, top_k: int, renormalise: bool, order: str,
              capacity: int | None) -> None:
    if order not in ORDERS:
        msg = f"order must be one of {ORDERS}, got {order!r}"
        raise ValueError(msg)
    if order == "topk_softmax" and not renormalise:
        msg = "order 'topk_softmax' is normalised by construction: renormalise must be true"
        raise ValueError(msg)
    if not 1 <= top_k <= logits.shape[-1]:
        msg = f"top_k must lie in [1, {logits.shape[-1]}] (the number of experts), got {top_k}"
        raise ValueError(msg)
    if capacity is not None and capacity < 0:
        msg = f"capacity must be >= 0 or None, got {capacity!r}"
        raise ValueError(msg)
    if expert_outputs.ndim != logits.ndim + 1 or \
            tuple(expert_outputs.shape[:-1]) != tuple(logits.shape):
        msg = (f"expert_outputs {tuple(expert_outputs.shape)} must be logits' shape "
               f"{tuple(logits.shape)} plus an output axis")
        raise ValueError(msg)


def _softmax(xp: Any, z: Any) -> Any:
    e = xp.exp(z - xp.max(z, axis=-1, keepdims=True))
    return e / xp.sum(e, axis=-1, keepdims=True)


def _admitted(xp: Any, onehot: Any, capacity: int) -> Any:
    """onehot (N, k, E) of the choices -> the admitted ones, ranks in order (GShard)."""
    top_k, n_experts = onehot.shape[1:]
    taken = xp.zeros((n_experts,), dtype=xp.int64)
    kept = []
    for rank in range(top_k):
        choice = xp.astype(onehot[:, rank, :], xp.int64)
        position = taken + xp.cumulative_sum(choice, axis=0)  # 1-based queue position
        kept.append((choice == 1) & (position <= capacity))
        taken = taken + xp.sum(choice, axis=0)
    return xp.stack(kept, axis=1)


def moe_topk_routing(xp: Any, logits: Any, expert_outputs: Any, *, top_k: int = 2,
                     renormalise: bool = True, order: str = "softmax_topk",
                     capacity: int | None = None) -> dict[str, Any]:
    _validate(logits, expert_outputs, top_k, renormalise, order, capacity)
    n_experts = logits.shape[-1]
    # select on the logits: probabilities far below the max underflow to 0 and tie
    ranked = xp.argsort(logits, axis=-1, descending=True, stable=True)
    indices = ranked[..., :top_k]
    if order == "softmax_topk":
        top = xp.take_along_axis(_softmax(xp, logits), indices, axis=-1)
        if renormalise:
            top = top / xp.sum(top, axis=-1, keepdims=True)
    else:
        top = _softmax(xp, xp.take_along_axis(logits, indices, axis=-1))
    experts = xp.arange(n_experts, dtype=indices.dtype)
    onehot = indices[..., None] == experts  # (..., k, E)
    if capacity is not None:
        lead = tuple(logits.shape[:-1])
        flat = xp.reshape(onehot, (-1, top_k, n_experts))
        onehot = xp.reshape(_admitted(xp, flat, capacity), (*lead, top_k, n_experts))
    zero = xp.zeros_like(top[..., None])
    weights = xp.sum(xp.where(onehot, top[..., None], zero), axis=-2)
    used = xp.any(onehot, axis=-2)[..., None]
    # an expert that is not used is never read: where, not 0 * output (0 * inf = NaN)
    mixed = xp.where(used, weights[..., None] * expert_outputs, xp.zeros_like(expert_outputs))
    return {"weights": weights, "indices": indices, "y": xp.sum(mixed, axis=-2)}
