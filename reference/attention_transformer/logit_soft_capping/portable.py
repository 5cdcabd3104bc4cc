"""Logit soft capping on any array namespace: cap·tanh(x/cap)."""

from __future__ import annotations

from typing import Any


def logit_soft_capping(xp: Any, x: Any, *, cap: float = 30.0) -> Any:
    if not cap > 0:
        msg = f"cap must be positive, got {cap}"
        raise ValueError(msg)
    # x / cap may overflow to ±inf for a tiny cap: tanh(±inf) = ±1 keeps the result at ±cap
    return cap * xp.tanh(x / cap)
