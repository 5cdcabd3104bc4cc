"""QR decomposition on any array namespace (the harness canonicalizes the column signs)."""

from __future__ import annotations

from typing import Any

MODES = ("reduced", "complete")


def qr_decomposition(xp: Any, a: Any, *, mode: str = "reduced") -> tuple[Any, Any]:
    if mode not in MODES:
        msg = f"mode must be one of {MODES}, got {mode!r}"
        raise ValueError(msg)
    if a.ndim < 2:
        msg = f"qr_decomposition needs a matrix (..., m, n), got shape {a.shape}"
        raise ValueError(msg)
    q, r = xp.linalg.qr(a, mode=mode)
    return q, r
