"""CTC collapse on any array namespace: merge runs of equal symbols, then drop blanks."""

from __future__ import annotations

from typing import Any

from array_api_compat import device


def ctc_collapse(xp: Any, path: Any, *, blank: int = 0) -> Any:
    if path.ndim != 1:
        msg = f"path must be 1-D (one frame sequence), got shape {tuple(path.shape)}"
        raise ValueError(msg)
    if blank < 0 or (path.shape[0] > 0 and bool(xp.any(path < 0))):
        msg = "symbol ids and the blank id must be >= 0"
        raise ValueError(msg)
    n = path.shape[0]
    if n == 0:
        return xp.empty((0,), dtype=xp.int64, device=device(path))
    first = xp.ones((1,), dtype=xp.bool, device=device(path))
    starts_run = xp.concat([first, path[1:] != path[:-1]])
    keep = xp.logical_and(starts_run, path != blank)
    (kept,) = xp.nonzero(keep)
    return xp.astype(xp.take(path, kept), xp.int64)
