"""Masked language modeling on any array namespace: corrupt by the given uniforms, then the
cross-entropy of the original tokens at the selected positions only."""

from __future__ import annotations

from typing import Any

from array_api_compat import size

from mlcanon_reference.losses._portable import check_reduction


def masked_language_modeling(xp: Any, logits: Any, tokens: Any, u_select: Any, u_action: Any,
                             random_tokens: Any, *, select: float = 0.15, mask_rate: float = 0.8,
                             random_rate: float = 0.1, mask_id: int = 103,
                             reduction: str | None = "mean") -> dict[str, Any]:
    _check(xp, logits, tokens, u_select, u_action, random_tokens, select, mask_rate,
           random_rate, mask_id, reduction)
    # thresholds in float64: 0.8 + 0.1 is 0.9000000000000001, which float32 rounds to 0.9
    chosen = xp.astype(u_select, xp.float64) < select
    action = xp.astype(u_action, xp.float64)
    masked = chosen & (action < mask_rate)
    randomized = chosen & ~masked & (action < mask_rate + random_rate)
    corrupted = xp.where(masked, xp.full_like(tokens, mask_id),
                         xp.where(randomized, random_tokens, tokens))
    shifted = logits - xp.max(logits, axis=-1, keepdims=True)
    picked = xp.take_along_axis(shifted, tokens[..., None], axis=-1)[..., 0]
    per_token = xp.log(xp.sum(xp.exp(shifted), axis=-1)) - picked
    loss = xp.where(chosen, per_token, xp.zeros_like(per_token))  # unselected: no loss, no NaN
    if reduction == "sum":
        loss = xp.sum(loss)
    elif reduction == "mean":  # over the selected tokens; none selected: 0 / 0 = NaN
        loss = xp.sum(loss) / xp.sum(xp.astype(chosen, logits.dtype))
    keep_rate = 1.0 - mask_rate - random_rate
    rates = xp.asarray([select * mask_rate, select * random_rate, select * keep_rate],
                       dtype=logits.dtype)
    return {"corrupted": corrupted, "loss": loss, "rates": rates}


def _check(xp: Any, logits: Any, tokens: Any, u_select: Any, u_action: Any,
           random_tokens: Any, select: float, mask_rate: float, random_rate: float,
           mask_id: int, reduction: str | None) -> None:
    check_reduction(reduction)
    rates = (select, mask_rate, random_rate, 1.0 - mask_rate - random_rate)
    if not all(0.0 <= r <= 1.0 for r in rates):
        msg = ("select, mask_rate, random_rate and 1 - mask_rate - random_rate must lie in "
               f"[0, 1], got {rates}")
        raise ValueError(msg)
    shape = tuple(tokens.shape)
    shapes = {tuple(a.shape) for a in (u_select, u_action, random_tokens)}
    if tuple(logits.shape[:-1]) != shape or shapes != {shape}:
        msg = (f"logits {tuple(logits.shape)} need tokens, uniforms and random tokens of shape "
               f"{tuple(logits.shape[:-1])}, got {shape} and {sorted(shapes)}")
        raise ValueError(msg)
    vocab = logits.shape[-1]
    if not 0 <= mask_id < vocab:
        msg = f"mask_id must lie in [0, {vocab}), got {mask_id}"
        raise IndexError(msg)
    for name, ids in (("tokens", tokens), ("random_tokens", random_tokens)):
        if size(ids) and (int(xp.min(ids)) < 0 or int(xp.max(ids)) >= vocab):
            msg = f"{name} must lie in [0, {vocab}), got [{int(xp.min(ids))}, {int(xp.max(ids))}]"
            raise IndexError(msg)
