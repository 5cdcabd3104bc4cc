"""Top-p filtering on any array namespace: keep the ranked prefix whose mass first reaches p."""

from __future__ import annotations

import math
from typing import Any

from array_api_compat import device


def top_p_filter(xp: Any, logits: Any, *, p: float = 0.9,
                 keep_crossing_token: bool = True) -> tuple[Any, Any]:
    if not 0.0 <= p <= 1.0:
        msg = f"p must lie in [0, 1], got {p!r}"
        raise ValueError(msg)
    # descending by logit; negating keeps the stable sort's tie rule: lower index first
    order = xp.argsort(-logits, axis=-1, stable=True)
    ranked = _softmax_last(xp, xp.take_along_axis(logits, order, axis=-1))
    if keep_crossing_token:
        # the mass strictly above each token, summed (not cumsum - q, which rounds)
        above = xp.cumulative_sum(ranked, axis=-1, include_initial=True)[..., :-1]
        first = xp.arange(ranked.shape[-1], device=device(logits)) == 0
        keep_ranked = xp.logical_or(above < p, first)  # the top token always survives
    else:
        keep_ranked = xp.cumulative_sum(ranked, axis=-1) <= p
    keep = xp.take_along_axis(keep_ranked, xp.argsort(order, axis=-1), axis=-1)
    filtered = xp.where(keep, logits, -math.inf)
    return filtered, _renormalise(xp, filtered, xp.any(keep, axis=-1, keepdims=True))


def _softmax_last(xp: Any, z: Any) -> Any:
    e = xp.exp(z - xp.max(z, axis=-1, keepdims=True))
    return e / xp.sum(e, axis=-1, keepdims=True)


def _renormalise(xp: Any, filtered: Any, some: Any) -> Any:
    """softmax(filtered); a row that kept nothing is 0/0 = NaN, as the canon says."""
    shift = xp.where(some, xp.max(filtered, axis=-1, keepdims=True), 0.0)
    e = xp.exp(filtered - shift)  # exp(-inf) = 0 for every dropped token
    total = xp.sum(e, axis=-1, keepdims=True)
    return xp.where(some, e / xp.where(some, total, 1.0), math.nan)
