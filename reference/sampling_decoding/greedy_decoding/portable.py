"""Greedy decoding on any array namespace: feed back the argmax of a bigram model's logits."""

from __future__ import annotations

from typing import Any

from array_api_compat import device


def greedy_decoding(xp: Any, logits: Any, *, start: int = 0, steps: int = 4,
                    eos: int | None = None) -> Any:
    v = logits.shape[0] if logits.ndim == 2 else -1
    if v < 1 or logits.shape[1] != v:
        msg = f"logits must be a square (V, V) table of next-token logits, got {logits.shape}"
        raise ValueError(msg)
    if steps < 1:
        msg = f"steps must be at least 1, got {steps}"
        raise ValueError(msg)
    if not 0 <= start < v or (eos is not None and not 0 <= eos < v):
        msg = f"start {start} and eos {eos} must be token ids in [0, {v})"
        raise ValueError(msg)
    tokens = []
    current = start
    finished = False
    for _ in range(steps):
        if finished:
            tokens.append(eos)
            continue
        # argmax returns the first of tied maxima (NumPy, PyTorch, JAX alike)
        current = int(xp.argmax(logits[current, :]))
        tokens.append(current)
        finished = eos is not None and current == eos
    return xp.asarray(tokens, dtype=xp.int64, device=device(logits))
