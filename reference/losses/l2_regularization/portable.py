"""L2-regularized loss on any array namespace: loss + lam * sum(w ** 2)."""

from __future__ import annotations

from typing import Any


def l2_regularization(xp: Any, loss: Any, w: Any, *, lam: float = 0.01) -> Any:
    if tuple(loss.shape) != ():
        msg = f"loss must be a scalar (reduce it first), got shape {tuple(loss.shape)}"
        raise ValueError(msg)
    if not lam >= 0:
        msg = f"lam must be >= 0, got {lam!r}"
        raise ValueError(msg)
    return loss + lam * xp.sum(w * w)
