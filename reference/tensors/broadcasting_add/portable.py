"""Broadcasting addition on any array namespace: the shapes checked, then xp.add."""

from __future__ import annotations

from typing import Any


def broadcasting_add(xp: Any, a: Any, b: Any) -> Any:
    rank = max(a.ndim, b.ndim)
    left = (1,) * (rank - a.ndim) + tuple(a.shape)
    right = (1,) * (rank - b.ndim) + tuple(b.shape)
    for m, n in zip(left, right, strict=True):
        if m != n and 1 not in (m, n):
            # torch raises RuntimeError here; the canon's type is ValueError
            msg = f"shapes {tuple(a.shape)} and {tuple(b.shape)} do not broadcast ({m} vs {n})"
            raise ValueError(msg)
    return xp.add(a, b)
