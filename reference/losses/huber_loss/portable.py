"""Huber loss on any array namespace: quadratic inside |r| <= delta, linear outside."""

from __future__ import annotations

from typing import Any

from mlcanon_reference.losses._portable import check_reduction, check_same_shape, reduce


def huber_loss(xp: Any, pred: Any, target: Any, *, delta: float = 1.0,
               reduction: str | None = "mean") -> Any:
    check_reduction(reduction)
    check_same_shape(pred, target, "pred", "target")
    if not delta > 0:  # also rejects nan
        msg = f"delta must be positive, got {delta!r}"
        raise ValueError(msg)
    size = xp.abs(pred - target)
    # the quadratic branch sees min(|r|, delta): r**2 of a huge residual would overflow to
    # inf, harmless in the forward pass but an inf * 0 = nan in where's gradient
    inside = xp.minimum(size, delta)
    loss = inside * inside / 2 + delta * (size - inside)
    return reduce(xp, loss, reduction)
