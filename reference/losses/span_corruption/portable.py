"""Span corruption on any array namespace, with boolean indexing for the data-dependent
lengths: every position owns two slots, (sentinel if a span starts here, token), and the
slots each output keeps are selected by one mask."""

from __future__ import annotations

from typing import Any

from array_api_compat import device


def span_corruption(xp: Any, tokens: Any, span_mask: Any, *,
                    first_sentinel: int = 32099) -> dict[str, Any]:
    if tokens.ndim != 1 or tuple(tokens.shape) != tuple(span_mask.shape):
        msg = (f"tokens {tuple(tokens.shape)} and span_mask {tuple(span_mask.shape)} need one "
               "1-D shape")
        raise ValueError(msg)
    where = device(tokens)
    length = tokens.shape[0]
    # the mask one step back (False before the first token); [:-1] fails on an empty sequence
    before = xp.concat([xp.zeros(1, dtype=xp.bool, device=where), span_mask])[:length]
    starts = span_mask & ~before
    spans = int(xp.sum(xp.astype(starts, xp.int64)))
    if first_sentinel - spans < 0:
        msg = f"{spans + 1} sentinels counting down from {first_sentinel} go below 0"
        raise ValueError(msg)
    # the k-th span (k = 0, 1, ...) gets first_sentinel - k
    sentinel = first_sentinel - (xp.cumulative_sum(xp.astype(starts, xp.int64)) - 1)
    slots = xp.reshape(xp.stack([xp.astype(sentinel, tokens.dtype), tokens], axis=1), (-1,))
    keep_in = xp.reshape(xp.stack([starts, ~span_mask], axis=1), (-1,))
    keep_out = xp.reshape(xp.stack([starts, span_mask], axis=1), (-1,))
    closing = xp.full((1,), first_sentinel - spans, dtype=tokens.dtype, device=where)
    return {"inputs": slots[keep_in], "targets": xp.concat([slots[keep_out], closing])}
