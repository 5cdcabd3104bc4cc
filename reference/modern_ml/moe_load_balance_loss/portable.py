"""The Switch load-balancing loss on any array namespace: E · sum(fraction · mean prob)."""

from __future__ import annotations

from typing import Any


def moe_load_balance_loss(xp: Any, logits: Any, *, top_k: int = 1) -> dict[str, Any]:
    if logits.ndim < 1 or not 1 <= top_k <= logits.shape[-1]:
        msg = f"top_k must lie in [1, E] for logits {tuple(logits.shape)}, got {top_k}"
        raise ValueError(msg)
    n_experts = logits.shape[-1]
    z = xp.reshape(logits, (-1, n_experts))
    e = xp.exp(z - xp.max(z, axis=-1, keepdims=True))
    prob = xp.mean(e / xp.sum(e, axis=-1, keepdims=True), axis=0)
    # choose on the logits, ties to the lower index (a stable descending sort)
    chosen = xp.argsort(z, axis=-1, descending=True, stable=True)[:, :top_k]
    experts = xp.arange(n_experts, dtype=chosen.dtype)
    counts = xp.sum(xp.astype(chosen[..., None] == experts, logits.dtype), axis=(0, 1))
    fraction = counts / (z.shape[0] * top_k)  # sums to 1 for every k (HF divides by N only)
    return {"loss": n_experts * xp.sum(fraction * prob), "fraction": fraction, "prob": prob}
