"""Elastic-net-regularized loss on any array namespace (no 1/2 on the L2 term)."""

from __future__ import annotations

from typing import Any


def elastic_net(xp: Any, loss: Any, w: Any, *, lam: float = 1.0, alpha: float = 0.5) -> Any:
    if tuple(loss.shape) != ():
        msg = f"loss must be a scalar (reduce it first), got shape {tuple(loss.shape)}"
        raise ValueError(msg)
    if not lam >= 0:
        msg = f"lam must be >= 0, got {lam!r}"
        raise ValueError(msg)
    if not 0 <= alpha <= 1:
        msg = f"alpha (the L1 share) must lie in [0, 1], got {alpha!r}"
        raise ValueError(msg)
    # w * sign(w): |w| with the subgradient 0 at a zero weight (see l1_regularization)
    l1 = xp.sum(w * xp.sign(w))
    l2 = xp.sum(w * w)
    return loss + lam * (alpha * l1 + (1 - alpha) * l2)
