"""Binary focal loss from logits on any array namespace, without 1 - p cancellation."""

from __future__ import annotations

from typing import Any

from array_api_compat import size

from mlcanon_reference.losses._portable import check_reduction, check_same_shape, reduce


def focal_loss(xp: Any, logits: Any, y: Any, *, alpha: float | None = None,
               gamma: float = 2.0, reduction: str | None = "mean") -> Any:
    _check(xp, logits, y, alpha, gamma, reduction)
    z = logits
    # max(z, 0) as a where: autograd then takes the z >= 0 side at z = 0 for every term,
    # where maximum's even split of the tie would give exp(-|z|) the slope 0 there and the
    # sigmoids below the wrong slope
    relu = xp.where(z >= 0, z, xp.zeros_like(z))
    e = xp.exp(z - 2 * relu)  # exp(-|z|) <= 1: neither it nor its gradient overflows
    ce = relu - z * y + xp.log1p(e)  # binary cross-entropy with logits, stable form
    big = 1 / (1 + e)  # sigmoid(|z|)
    small = e * big  # sigmoid(-|z|), computed directly: 1 - sigmoid(|z|) would cancel to 0
    sig_pos = xp.where(z >= 0, big, small)  # sigmoid(z)
    sig_neg = xp.where(z >= 0, small, big)  # sigmoid(-z)
    miss = y * sig_neg + (1 - y) * sig_pos  # 1 - p_t
    loss = miss**gamma * ce
    if alpha is not None:
        loss = (alpha * y + (1 - alpha) * (1 - y)) * loss
    return reduce(xp, loss, reduction)


def _check(xp: Any, logits: Any, y: Any, alpha: float | None, gamma: float,
           reduction: str | None) -> None:
    check_reduction(reduction)
    check_same_shape(logits, y, "logits", "y")
    if not gamma >= 0:
        msg = f"gamma must be >= 0, got {gamma!r}"
        raise ValueError(msg)
    if alpha is not None and not 0 <= alpha <= 1:
        msg = f"alpha must lie in [0, 1] (or be None), got {alpha!r}"
        raise ValueError(msg)
    if size(y) and not bool(xp.all((y >= 0) & (y <= 1))):
        msg = "labels y must lie in [0, 1] (-1/+1 labels are not focal-loss labels)"
        raise ValueError(msg)
