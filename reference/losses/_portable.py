"""Helpers that several losses portable implementations share (array API code, no oracle)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

REDUCTIONS = ("mean", "sum", "none", None)  # None is the spec's "none"


def check_reduction(reduction: str | None) -> None:
    if reduction not in REDUCTIONS:
        msg = f"reduction must be 'mean', 'sum' or 'none' (None), got {reduction!r}"
        raise ValueError(msg)


def check_same_shape(a: Any, b: Any, a_name: str, b_name: str) -> None:
    """Raise unless a and b have one shape; the message names them a_name and b_name."""
    # never broadcast: a (3, 1) prediction against a (3,) target would give (3, 3)
    if tuple(a.shape) != tuple(b.shape):
        msg = f"{a_name} shape {tuple(a.shape)} and {b_name} shape {tuple(b.shape)} differ"
        raise ValueError(msg)


def reduce(xp: Any, loss: Any, reduction: str | None,
           mean: Callable[[Any], Any] | None = None) -> Any:
    """loss as it is ("none"/None), summed ("sum") or averaged ("mean", by mean or xp.mean)."""
    if reduction in (None, "none"):
        return loss
    if reduction == "sum":
        return xp.sum(loss)
    return xp.mean(loss) if mean is None else mean(loss)
