"""ReLU on any array namespace: a select, so NaN and the sign of zero are pinned."""

from __future__ import annotations

from typing import Any


def relu(xp: Any, x: Any) -> Any:
    # keep x where it is positive or NaN; everything else (including -0.0) becomes +0.0
    keep = (x > 0) | xp.isnan(x)
    return xp.where(keep, x, xp.zeros_like(x))
