"""Gradient accumulation on any array namespace: the micro-batch gradients summed, or averaged."""

from __future__ import annotations

from typing import Any

from mlcanon_reference.optimizers._portable import check_choice


def gradient_accumulation(xp: Any, grads: Any, *, scale_loss: str = "mean") -> Any:
    check_choice("scale_loss", scale_loss, ("mean", "sum"))
    if grads.ndim < 1 or grads.shape[0] < 1:
        msg = f"need at least one micro-batch gradient, got shape {tuple(grads.shape)}"
        raise ValueError(msg)
    if scale_loss == "sum":
        return xp.sum(grads, axis=0)
    # each loss is scaled by 1/k before its backward pass: divide first, so the running sum
    # never exceeds the largest gradient (no float16 overflow)
    return xp.sum(grads / grads.shape[0], axis=0)
