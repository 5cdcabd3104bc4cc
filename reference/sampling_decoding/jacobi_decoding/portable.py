"""Jacobi decoding on any array namespace: update every position at once until nothing moves."""

from __future__ import annotations

from typing import Any

from array_api_compat import device


def jacobi_decoding(xp: Any, logits: Any, init: Any, *, start: int = 0) -> dict[str, Any]:
    v = logits.shape[0] if logits.ndim == 2 else -1
    if v < 1 or logits.shape[1] != v:
        msg = f"logits must be a square (V, V) table of next-token logits, got {logits.shape}"
        raise ValueError(msg)
    if init.ndim != 1 or init.shape[0] < 1:
        msg = f"init must hold at least one token id, got shape {tuple(init.shape)}"
        raise ValueError(msg)
    if not 0 <= start < v or not (int(xp.min(init)) >= 0 and int(xp.max(init)) < v):
        msg = f"start {start} and the init token ids must lie in [0, {v})"
        raise ValueError(msg)
    n = init.shape[0]
    current = xp.astype(init, xp.int64)
    first = xp.full((1,), start, dtype=xp.int64, device=device(init))
    # a fixed point is reached after at most n updates (position i is final after i);
    # the loop makes one more to see that nothing moves
    for k in range(n + 1):
        previous = xp.concat([first, current[:-1]])
        # one parallel step: every position is scored from the previous iterate (argmax
        # takes the first of tied maxima)
        update = xp.argmax(xp.take(logits, previous, axis=0), axis=-1)
        if bool(xp.all(update == current)):
            iterations = xp.asarray(k, dtype=xp.int64, device=device(init))
            return {"tokens": current, "iterations": iterations}
        current = xp.astype(update, xp.int64)
    msg = "jacobi iteration did not reach a fixed point in n updates"
    raise RuntimeError(msg)
