"""The selective-scan recurrence on any array namespace, in sequential order."""

from __future__ import annotations

from typing import Any

from mlcanon_reference.modern_ml._portable import linear_recurrence


def selective_scan(xp: Any, a: Any, b: Any, *, h0: float = 0.0) -> Any:
    if tuple(a.shape) != tuple(b.shape) or b.ndim < 1:
        msg = f"a {tuple(a.shape)} and b {tuple(b.shape)} must have one shape (..., L)"
        raise ValueError(msg)
    # one state per sequence: a trailing state axis of length 1 for the shared helper
    h = linear_recurrence(xp, a[..., None], b[..., None], h0)
    return h[..., 0]
